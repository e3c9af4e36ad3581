package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.GetInsight;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;
import java.util.Optional;

public final class GetInsightService implements GetInsight {

    private final InsightSource insights;

    public GetInsightService(InsightSource insights) {
        this.insights = Objects.requireNonNull(insights, "insights");
    }

    @Override
    public Optional<Insight> get(Principal principal, InsightId id) {
        return insights.find(principal.org(), id);
    }
}
