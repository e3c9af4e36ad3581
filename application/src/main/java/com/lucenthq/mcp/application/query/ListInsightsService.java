package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.InsightListing;
import com.lucenthq.mcp.application.port.in.ListInsights;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;

public final class ListInsightsService implements ListInsights {

    private final InsightSource insights;
    private final Clock clock;

    public ListInsightsService(InsightSource insights, Clock clock) {
        this.insights = Objects.requireNonNull(insights, "insights");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public InsightListing list(Principal principal, InsightQuery query) {
        InsightQuery resolved = query.resolvedAt(clock.now());
        return new InsightListing(insights.list(principal.org(), resolved), resolved.created());
    }
}
