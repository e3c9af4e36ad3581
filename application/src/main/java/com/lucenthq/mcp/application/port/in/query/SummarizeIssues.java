package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.token.Principal;

/**
 * Counts issues by group over a window on last seen, beside the previous window of equal length. Scoped
 * to the principal's org; the org is never taken from anywhere else.
 */
public interface SummarizeIssues {

    /**
     * @param groupBy  null for by severity
     * @param status   null for unresolved
     * @param lastSeen open ends default to now and to seven days before {@code until}
     */
    IssueSummary summarize(Principal principal, IssueGrouping groupBy, IssueStatusFilter status, TimeRange lastSeen);
}
