package com.lucenthq.mcp.adapters.mcp.tools;

import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.oneOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.ListSignals;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.SignalArguments;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;
import java.util.List;
import java.util.Arrays;

final class ListSignalsTool implements ToolBinding {

    private static final ObjectNode OUTPUT = object(required("signals", "window", "next_cursor", "truncated"),
            "signals", arrayOf(ItemFields.listItem(DomainJson.SIGNAL_SCHEMA)),
            "window", oneOf(Arrays.stream(MatchWindow.values()).map(MatchWindow::label).toList()),
            "next_cursor", DomainJson.NEXT_CURSOR_SCHEMA, "truncated", DomainJson.TRUNCATED_SCHEMA);

    private final ListSignals listSignals;
    private final ResultBudget budget;

    ListSignalsTool(ListSignals listSignals, ResultBudget budget) {
        this.listSignals = listSignals;
        this.budget = budget;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.LIST_SIGNALS;
    }

    @Override
    public ObjectNode outputSchema() {
        return OUTPUT;
    }

    @Override
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        SignalQuery query = new SignalQuery(
                arguments.get(SignalArguments.ENABLED),
                arguments.get(SignalArguments.SORT).orElse(null),
                arguments.get(SignalArguments.WINDOW).orElse(null),
                arguments.page());
        return budget.fit("signals", query.page(), page -> listSignals.list(principal, query.withPage(page)),
                ItemFields.select(DomainJson.signal(query.window()), arguments.get(SignalArguments.FIELDS).orElse(List.of())),
                out -> out.writeStringField("window", query.window().label()));
    }
}
