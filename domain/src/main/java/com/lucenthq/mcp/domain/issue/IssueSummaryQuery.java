package com.lucenthq.mcp.domain.issue;

import com.lucenthq.mcp.domain.page.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * Which issues a summary counts: those of {@code status} last seen in {@code window}, grouped by
 * {@code groupBy}. Null components take the defaults that answer "what are my most critical
 * unresolved issues?": by severity, unresolved.
 */
public record IssueSummaryQuery(IssueGrouping groupBy, IssueStatusFilter status, Window window) {

    /** The window of a summary that names no {@code since}. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    /** Groups an answer holds at most; the others are only counted. */
    public static final int MAX_GROUPS = 50;
    /** Issues a group names at most. */
    public static final int TOP_ISSUES = 3;

    public IssueSummaryQuery {
        groupBy = groupBy == null ? IssueGrouping.SEVERITY : groupBy;
        status = status == null ? IssueStatusFilter.UNRESOLVED : status;
        Objects.requireNonNull(window, "window");
    }
}
