package com.lucenthq.mcp.adapters.mcp.tools;

import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.ListIssues;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.IssueArguments;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;
import java.util.List;

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
                arguments.get(IssueArguments.STATUS).orElse(null),
                arguments.get(IssueArguments.SEVERITY),
                arguments.get(IssueArguments.SIGNAL_ID),
                arguments.get(IssueArguments.QUERY),
                new TimeRange(arguments.get(IssueArguments.SINCE).orElse(null),
                        arguments.get(IssueArguments.UNTIL).orElse(null)),
                arguments.get(IssueArguments.SORT).orElse(null),
                arguments.page());
        return budget.fit("issues", query.page(), page -> listIssues.list(principal, query.withPage(page)),
                ItemFields.select(DomainJson::issue, arguments.get(IssueArguments.FIELDS).orElse(List.of())), out -> { });
    }
}
