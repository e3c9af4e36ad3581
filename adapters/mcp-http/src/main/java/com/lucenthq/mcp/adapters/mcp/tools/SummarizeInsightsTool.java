package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.SummarizeInsights;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.InsightArguments;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;

final class SummarizeInsightsTool implements ToolBinding {

    private final SummarizeInsights summarizeInsights;

    SummarizeInsightsTool(SummarizeInsights summarizeInsights) {
        this.summarizeInsights = summarizeInsights;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.SUMMARIZE_INSIGHTS;
    }

    @Override
    public ObjectNode outputSchema() {
        return SummaryJson.INSIGHT_SUMMARY_SCHEMA;
    }

    @Override
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        TimeRange created = new TimeRange(arguments.get(InsightArguments.SINCE).orElse(null),
                arguments.get(InsightArguments.UNTIL).orElse(null));
        return SerializedJson.fenced(SummaryJson::insightSummary, summarizeInsights.summarize(principal, created));
    }
}
