package com.lucenthq.mcp.domain.tool;

import static com.lucenthq.mcp.domain.tool.ToolParameter.choice;
import static com.lucenthq.mcp.domain.tool.ToolParameter.dateTime;
import static com.lucenthq.mcp.domain.tool.ToolParameter.flag;
import static com.lucenthq.mcp.domain.tool.ToolParameter.integer;
import static com.lucenthq.mcp.domain.tool.ToolParameter.strings;
import static com.lucenthq.mcp.domain.tool.ToolParameter.text;
import static com.lucenthq.mcp.domain.tool.ToolParameter.uuid;

import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.SignalSort;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed set of tools this server offers. All of them read; none writes. */
public final class ToolCatalogue {

    private static final ToolParameter LIMIT = integer("limit",
            "Maximum number of items to return (" + Limit.MIN + "-" + Limit.MAX + ").", Limit.MIN, Limit.MAX, Limit.DEFAULT.value());
    private static final ToolParameter CURSOR = text("cursor",
            "Opaque cursor from a previous call's next_cursor, to fetch the next page with the same arguments.");

    /** The fields of an item of list_issues, list_signals and list_insights, which {@code fields} chooses from. */
    public static final List<String> ISSUE_FIELDS = List.of("id", "title", "status", "severity", "service", "first_seen",
            "last_seen", "occurrences", "affected_users", "signal_ids");
    public static final List<String> SIGNAL_FIELDS = List.of("id", "name", "description", "query", "enabled",
            "created_at", "match_count", "last_matched_at");
    public static final List<String> INSIGHT_FIELDS = List.of("id", "kind", "title", "summary", "severity", "signal_id",
            "issue_ids", "created_at");

    public static final Tool LIST_ISSUES = new Tool("list_issues", "List issues",
            "Lists the organization's issues, most critical unresolved first by default. Filter by status, minimum "
                    + "severity, signal, text or last-seen time; page with cursor. Use get_issue for one issue's details.",
            List.of(
                    choice("status", "Which issues to include by status.", names(IssueStatusFilter.class),
                            WireNames.of(IssueStatusFilter.UNRESOLVED)),
                    choice("severity", "Minimum severity: only issues at least this severe.", names(Severity.class), null),
                    uuid("signal_id", "Only issues matched by this signal (a UUID from list_signals)."),
                    text("query", "Words to look for in the title, description or service.",
                            IssueQuery.MAX_TEXT_LENGTH),
                    dateTime("since", "Only issues last seen at or after this ISO-8601 time, e.g. 2026-11-17T00:00:00Z."),
                    dateTime("until", "Only issues last seen before this ISO-8601 time."),
                    choice("sort", "Order of the results.", names(IssueSort.class), WireNames.of(IssueSort.SEVERITY)),
                    LIMIT,
                    CURSOR,
                    fields(ISSUE_FIELDS)));

    public static final Tool GET_ISSUE = new Tool("get_issue", "Get issue",
            "Fetches one issue by id with its description, daily occurrence counts for the last 14 days, and the "
                    + "signals and insights related to it.",
            List.of(uuid("id", "The issue's id, a UUID such as 87b3a6b6-5af5-438b-a39c-eff148a68ccb.").asRequired()));

    public static final Tool LIST_SIGNALS = new Tool("list_signals", "List signals",
            "Lists the signals the organization configured with how often each matched in a time window, "
                    + "most matching first by default.",
            List.of(
                    flag("enabled", "Only enabled (true) or only disabled (false) signals; both when absent."),
                    choice("sort", "Order of the results.", names(SignalSort.class), WireNames.of(SignalSort.MATCHES)),
                    choice("window", "Time window for match_count and for sorting by matches.",
                            Arrays.stream(MatchWindow.values()).map(MatchWindow::label).toList(), MatchWindow.LAST_7D.label()),
                    LIMIT,
                    CURSOR,
                    fields(SIGNAL_FIELDS)));

    public static final Tool GET_SIGNAL = new Tool("get_signal", "Get signal",
            "Fetches one signal by id with its match expression and its match counts over 24 hours, 7 days and 30 days.",
            List.of(uuid("id", "The signal's id, a UUID from list_signals.").asRequired()));

    public static final Tool LIST_INSIGHTS = new Tool("list_insights", "List insights",
            "Lists the insights written about the organization's data, newest first; by default those of the last "
                    + "7 days. Filter by time, kind or signal; page with cursor.",
            List.of(
                    dateTime("since", "Only insights created at or after this ISO-8601 time; default 7 days before until."),
                    dateTime("until", "Only insights created before this ISO-8601 time; default now."),
                    choice("kind", "Only insights of this kind.", names(InsightKind.class), null),
                    uuid("signal_id", "Only insights about this signal (a UUID from list_signals)."),
                    LIMIT,
                    CURSOR,
                    fields(INSIGHT_FIELDS)));

    public static final Tool GET_INSIGHT = new Tool("get_insight", "Get insight",
            "Fetches one insight by id with its full summary and the issues it is about.",
            List.of(uuid("id", "The insight's id, a UUID from list_insights.").asRequired()));

    public static final Tool SUMMARIZE_ISSUES = new Tool("summarize_issues", "Summarize issues",
            "Counts the organization's issues last seen in a window (default the last 7 days), grouped, with their "
                    + "occurrences and affected users, the same figures for the previous window of equal length, and "
                    + "the top 3 issues of each group. One call answers \"what are my most critical unresolved issues?\".",
            List.of(
                    choice("group_by", "What to group the issues by.", names(IssueGrouping.class),
                            WireNames.of(IssueGrouping.SEVERITY)),
                    choice("status", "Which issues to count by status.", names(IssueStatusFilter.class),
                            WireNames.of(IssueStatusFilter.UNRESOLVED)),
                    dateTime("since", "Start of the window on last_seen, inclusive; default 7 days before until."),
                    dateTime("until", "End of the window on last_seen, exclusive; default now.")));

    public static final Tool SUMMARIZE_INSIGHTS = new Tool("summarize_insights", "Summarize insights",
            "Counts the insights created in a window (default the last 7 days) by kind and by severity, beside the "
                    + "counts of the previous window of equal length. One call summarizes the last week of insights.",
            List.of(
                    dateTime("since", "Start of the window on created_at, inclusive; default 7 days before until."),
                    dateTime("until", "End of the window on created_at, exclusive; default now.")));

    private static final List<Tool> ALL = List.of(LIST_ISSUES, GET_ISSUE, SUMMARIZE_ISSUES, LIST_SIGNALS, GET_SIGNAL,
            LIST_INSIGHTS, GET_INSIGHT, SUMMARIZE_INSIGHTS);

    private ToolCatalogue() {
    }

    public static List<Tool> all() {
        return ALL;
    }

    public static Optional<Tool> find(String name) {
        return ALL.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    private static ToolParameter fields(List<String> names) {
        return strings("fields", "Item fields to return; id is always included. Default: all.", names);
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList();
    }
}
