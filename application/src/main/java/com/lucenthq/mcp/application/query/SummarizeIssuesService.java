package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.SummarizeIssues;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;

public final class SummarizeIssuesService implements SummarizeIssues {

    private final IssueSource issues;
    private final Clock clock;

    public SummarizeIssuesService(IssueSource issues, Clock clock) {
        this.issues = Objects.requireNonNull(issues, "issues");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssueSummary summarize(Principal principal, IssueGrouping groupBy, IssueStatusFilter status,
                                  TimeRange lastSeen) {
        Window window = Window.resolve(lastSeen, clock.now(), IssueSummaryQuery.DEFAULT_SPAN);
        return issues.summarize(principal.org(), new IssueSummaryQuery(groupBy, status, window));
    }
}
