package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.GetInsight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.InsightArguments;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;

final class GetInsightTool implements ToolBinding {

    private final GetInsight getInsight;

    GetInsightTool(GetInsight getInsight) {
        this.getInsight = getInsight;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.GET_INSIGHT;
    }

    @Override
    public ObjectNode outputSchema() {
        return DomainJson.INSIGHT_SCHEMA;
    }

    @Override
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        InsightId id = arguments.require(InsightArguments.ID);
        return getInsight.get(principal, id)
                .map(found -> SerializedJson.fenced(DomainJson::insight, found))
                .orElseThrow(() -> ToolFailure.notFound("insight", id, "list_insights"));
    }
}
