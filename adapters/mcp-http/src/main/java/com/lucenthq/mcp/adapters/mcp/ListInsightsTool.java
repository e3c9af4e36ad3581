package com.lucenthq.mcp.adapters.mcp;

import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.required;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.InsightListing;
import com.lucenthq.mcp.application.port.in.ListInsights;
import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;

final class ListInsightsTool implements ToolBinding {

    private static final ObjectNode OUTPUT = object(required("insights", "since", "until", "next_cursor"),
            "insights", arrayOf(DomainJson.INSIGHT_SCHEMA),
            "since", string("date-time"), "until", string("date-time"),
            "next_cursor", DomainJson.NEXT_CURSOR_SCHEMA);

    private final ListInsights listInsights;

    ListInsightsTool(ListInsights listInsights) {
        this.listInsights = listInsights;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.LIST_INSIGHTS;
    }

    @Override
    public ObjectNode outputSchema() {
        return OUTPUT;
    }

    @Override
    public ObjectNode call(Principal principal, ToolArguments arguments) {
        InsightQuery query = new InsightQuery(
                new TimeRange(arguments.instant("since").orElse(null), arguments.instant("until").orElse(null)),
                arguments.parsed("kind", text -> WireNames.parse("kind", text, InsightKind.class)),
                arguments.parsed("signal_id", text -> SignalId.parse("signal_id", text)),
                ListIssuesTool.page(arguments));
        InsightListing listing = listInsights.list(principal, query);
        ObjectNode result = DomainJson.page("insights", listing.page(), DomainJson::insight);
        return result.put("since", DomainJson.time(listing.created().since()))
                .put("until", DomainJson.time(listing.created().until()));
    }
}
