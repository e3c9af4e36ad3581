package com.lucenthq.mcp.adapters.mcp.tools;

import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.required;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.application.port.in.query.ListInsights;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.InsightArguments;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

final class ListInsightsTool implements ToolBinding {

    private static final ObjectNode OUTPUT = object(required("insights", "since", "until", "next_cursor", "truncated"),
            "insights", arrayOf(ItemFields.listItem(DomainJson.INSIGHT_SCHEMA)),
            "since", string("date-time"), "until", string("date-time"),
            "next_cursor", DomainJson.NEXT_CURSOR_SCHEMA, "truncated", DomainJson.TRUNCATED_SCHEMA);

    private final ListInsights listInsights;
    private final ResultBudget budget;

    ListInsightsTool(ListInsights listInsights, ResultBudget budget) {
        this.listInsights = listInsights;
        this.budget = budget;
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
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        InsightQuery query = new InsightQuery(
                new TimeRange(arguments.get(InsightArguments.SINCE).orElse(null),
                        arguments.get(InsightArguments.UNTIL).orElse(null)),
                arguments.get(InsightArguments.KIND),
                arguments.get(InsightArguments.SIGNAL_ID),
                arguments.page());
        // The window is resolved on the first call; a second call (see ResultBudget) asks for that same window
        // explicitly, so that its page and cursor belong to it, and later pages without since/until agree with it.
        AtomicReference<TimeRange> window = new AtomicReference<>();
        return budget.fit("insights", query.page(), page -> {
            InsightQuery asked = window.get() == null ? query : query.within(window.get());
            InsightListing listing = listInsights.list(principal, asked.withPage(page));
            window.compareAndSet(null, listing.created());
            return listing.page();
        }, ItemFields.select(DomainJson::insight, arguments.get(InsightArguments.FIELDS).orElse(List.of())), out -> {
            IsoInstant.writeField(out, "since", window.get().since());
            IsoInstant.writeField(out, "until", window.get().until());
        });
    }
}
