package com.lucenthq.mcp.domain.tool;

import java.util.Arrays;
import java.util.List;

/**
 * The fixed set of tools this server offers. All of them read; none writes. Their arguments are declared once, in
 * {@link IssueArguments}, {@link SignalArguments}, {@link InsightArguments} and {@link PageArguments}.
 */
public final class ToolCatalogue {

    public static final Tool LIST_ISSUES = new Tool("list_issues", "List issues",
            "Lists the organization's issues, most critical unresolved first by default. Filter by status, minimum "
                    + "severity, signal, text or last-seen time; page with cursor. Use get_issue for one issue's details.",
            parameters(IssueArguments.STATUS, IssueArguments.SEVERITY, IssueArguments.SIGNAL_ID, IssueArguments.QUERY,
                    IssueArguments.SINCE, IssueArguments.UNTIL, IssueArguments.SORT, PageArguments.LIMIT,
                    PageArguments.CURSOR, IssueArguments.FIELDS));

    public static final Tool GET_ISSUE = new Tool("get_issue", "Get issue",
            "Fetches one issue by id with its description, daily occurrence counts for the last 14 days, and the "
                    + "signals and insights related to it.",
            parameters(IssueArguments.ID));

    public static final Tool LIST_SIGNALS = new Tool("list_signals", "List signals",
            "Lists the signals the organization configured with how often each matched in a time window, "
                    + "most matching first by default.",
            parameters(SignalArguments.ENABLED, SignalArguments.SORT, SignalArguments.WINDOW, PageArguments.LIMIT,
                    PageArguments.CURSOR, SignalArguments.FIELDS));

    public static final Tool GET_SIGNAL = new Tool("get_signal", "Get signal",
            "Fetches one signal by id with its match expression and its match counts over 24 hours, 7 days and 30 days.",
            parameters(SignalArguments.ID));

    public static final Tool LIST_INSIGHTS = new Tool("list_insights", "List insights",
            "Lists the insights written about the organization's data, newest first; by default those of the last "
                    + "7 days. Filter by time, kind or signal; page with cursor.",
            parameters(InsightArguments.SINCE, InsightArguments.UNTIL, InsightArguments.KIND, InsightArguments.SIGNAL_ID,
                    PageArguments.LIMIT, PageArguments.CURSOR, InsightArguments.FIELDS));

    public static final Tool GET_INSIGHT = new Tool("get_insight", "Get insight",
            "Fetches one insight by id with its full summary and the issues it is about.",
            parameters(InsightArguments.ID));

    public static final Tool SUMMARIZE_ISSUES = new Tool("summarize_issues", "Summarize issues",
            "Counts the organization's issues last seen in a window (default the last 7 days), grouped, with their "
                    + "occurrences and affected users, the same figures for the previous window of equal length, and "
                    + "the top 3 issues of each group. One call answers \"what are my most critical unresolved issues?\".",
            parameters(IssueArguments.GROUP_BY, IssueArguments.STATUS, IssueArguments.WINDOW_SINCE,
                    IssueArguments.WINDOW_UNTIL));

    public static final Tool SUMMARIZE_INSIGHTS = new Tool("summarize_insights", "Summarize insights",
            "Counts the insights created in a window (default the last 7 days) by kind and by severity, beside the "
                    + "counts of the previous window of equal length. One call summarizes the last week of insights.",
            parameters(InsightArguments.SINCE, InsightArguments.UNTIL));

    private static final List<Tool> ALL = List.of(LIST_ISSUES, GET_ISSUE, SUMMARIZE_ISSUES, LIST_SIGNALS, GET_SIGNAL,
            LIST_INSIGHTS, GET_INSIGHT, SUMMARIZE_INSIGHTS);

    private ToolCatalogue() {
    }

    public static List<Tool> all() {
        return ALL;
    }

    private static List<ToolParameter> parameters(ToolArgument<?>... arguments) {
        return Arrays.stream(arguments).map(ToolArgument::parameter).toList();
    }
}
