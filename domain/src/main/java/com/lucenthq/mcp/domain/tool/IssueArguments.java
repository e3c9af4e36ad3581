package com.lucenthq.mcp.domain.tool;

import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Instant;
import java.util.List;

/** The arguments of {@code list_issues}, {@code get_issue} and {@code summarize_issues}. */
public final class IssueArguments {

    public static final ToolArgument<IssueStatusFilter> STATUS = ToolArgument.choice("status",
            "Which issues to include by status.", IssueStatusFilter.class, IssueStatusFilter.UNRESOLVED);
    public static final ToolArgument<Severity> SEVERITY = ToolArgument.choice("severity",
            "Minimum severity: only issues at least this severe.", Severity.class, null);
    public static final ToolArgument<SignalId> SIGNAL_ID = ToolArgument.uuid("signal_id",
            "Only issues matched by this signal (a UUID from list_signals).", text -> SignalId.parse("signal_id", text));
    public static final ToolArgument<String> QUERY = ToolArgument.text("query",
            "Words to look for in the title, description or service.", IssueQuery.MAX_TEXT_LENGTH);
    public static final ToolArgument<Instant> SINCE = ToolArgument.dateTime("since",
            "Only issues last seen at or after this ISO-8601 time, e.g. 2026-11-17T00:00:00Z.");
    public static final ToolArgument<Instant> UNTIL = ToolArgument.dateTime("until",
            "Only issues last seen before this ISO-8601 time.");
    public static final ToolArgument<IssueSort> SORT = ToolArgument.choice("sort", "Order of the results.",
            IssueSort.class, IssueSort.SEVERITY);

    /** The fields of an item of list_issues, which {@link #FIELDS} chooses from. */
    public static final List<String> FIELD_NAMES = List.of("id", "title", "status", "severity", "service",
            "first_seen", "last_seen", "occurrences", "affected_users", "signal_ids");
    public static final ToolArgument<List<String>> FIELDS = PageArguments.fields(FIELD_NAMES);

    public static final ToolArgument<IssueGrouping> GROUP_BY = ToolArgument.choice("group_by",
            "What to group the issues by.", IssueGrouping.class, IssueGrouping.SEVERITY);
    public static final ToolArgument<Instant> WINDOW_SINCE = ToolArgument.dateTime("since",
            "Start of the window on last_seen, inclusive; default 7 days before until.");
    public static final ToolArgument<Instant> WINDOW_UNTIL = ToolArgument.dateTime("until",
            "End of the window on last_seen, exclusive; default now.");

    public static final ToolArgument<IssueId> ID = ToolArgument.uuid("id",
            "The issue's id, a UUID such as 87b3a6b6-5af5-438b-a39c-eff148a68ccb.", IssueId::parse).required();

    private IssueArguments() {
    }
}
