package com.lucenthq.mcp.adapters.mcp.tools;

import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.ListIssues;
import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;

final class ListIssuesTool implements ToolBinding {

    private static final ObjectNode OUTPUT = object(required("issues", "next_cursor", "truncated"),
            "issues", arrayOf(ItemFields.listItem(DomainJson.ISSUE_SCHEMA)), "next_cursor", DomainJson.NEXT_CURSOR_SCHEMA,
            "truncated", DomainJson.TRUNCATED_SCHEMA);

    private final ListIssues listIssues;
    private final ResultBudget budget;

    ListIssuesTool(ListIssues listIssues, ResultBudget budget) {
        this.listIssues = listIssues;
        this.budget = budget;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.LIST_ISSUES;
    }

    @Override
    public ObjectNode outputSchema() {
        return OUTPUT;
    }

    @Override
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        IssueQuery query = new IssueQuery(
                arguments.parsed("status", text -> WireNames.parse("status", text, IssueStatusFilter.class)).orElse(null),
                arguments.parsed("severity", text -> WireNames.parse("severity", text, Severity.class)),
                arguments.parsed("signal_id", text -> SignalId.parse("signal_id", text)),
                arguments.text("query"),
                new TimeRange(arguments.instant("since").orElse(null), arguments.instant("until").orElse(null)),
                arguments.parsed("sort", text -> WireNames.parse("sort", text, IssueSort.class)).orElse(null),
                page(arguments));
        return budget.fit("issues", query.page(), page -> listIssues.list(principal, new IssueQuery(query.status(),
                        query.minSeverity(), query.signalId(), query.text(), query.lastSeen(), query.sort(), page)),
                ItemFields.select(DomainJson::issue, arguments.strings("fields")), out -> { });
    }

    /** The {@code limit} and {@code cursor} arguments every list tool shares. */
    static PageRequest page(ToolArguments arguments) {
        return PageRequest.of(arguments.integer("limit").map(Limit::of).orElse(Limit.DEFAULT),
                arguments.parsed("cursor", Cursor::of).orElse(null));
    }
}
