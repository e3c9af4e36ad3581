package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.SummarizeIssues;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.IssueArguments;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;

final class SummarizeIssuesTool implements ToolBinding {

    private final SummarizeIssues summarizeIssues;

    SummarizeIssuesTool(SummarizeIssues summarizeIssues) {
        this.summarizeIssues = summarizeIssues;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.SUMMARIZE_ISSUES;
    }

    @Override
    public ObjectNode outputSchema() {
        return SummaryJson.ISSUE_SUMMARY_SCHEMA;
    }

    @Override
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        IssueGrouping groupBy = arguments.get(IssueArguments.GROUP_BY).orElse(IssueGrouping.SEVERITY);
        IssueStatusFilter status = arguments.get(IssueArguments.STATUS).orElse(IssueStatusFilter.UNRESOLVED);
        TimeRange lastSeen = new TimeRange(arguments.get(IssueArguments.WINDOW_SINCE).orElse(null),
                arguments.get(IssueArguments.WINDOW_UNTIL).orElse(null));
        return SerializedJson.fenced(SummaryJson.issueSummary(status),
                summarizeIssues.summarize(principal, groupBy, status, lastSeen));
    }
}
