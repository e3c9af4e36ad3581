package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.SummarizeInsights;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;

public final class SummarizeInsightsService implements SummarizeInsights {

    private final InsightSource insights;
    private final Clock clock;

    public SummarizeInsightsService(InsightSource insights, Clock clock) {
        this.insights = Objects.requireNonNull(insights, "insights");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public InsightSummary summarize(Principal principal, TimeRange created) {
        return insights.summarize(principal.org(),
                Window.resolve(created, clock.now(), InsightSummary.DEFAULT_SPAN));
    }
}
