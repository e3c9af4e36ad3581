package com.lucenthq.mcp.domain.issue;

import java.util.List;
import java.util.Objects;

/**
 * One group of a summary: its figures in the window and in the previous window, and the issues of
 * the window an agent would open first (most severe, then most occurrences, then most recently seen).
 */
public record IssueGroup(IssueGroupKey key, IssueFigures current, IssueFigures previous, List<TopIssue> topIssues) {

    public IssueGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        topIssues = List.copyOf(topIssues);
        if (topIssues.size() > IssueSummaryQuery.TOP_ISSUES || topIssues.size() > current.issues()) {
            throw new IllegalArgumentException("a group of " + current.issues() + " issues names "
                    + topIssues.size() + " top issues");
        }
    }
}
