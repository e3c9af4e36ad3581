package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.ListIssues;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;

public final class ListIssuesService implements ListIssues {

    private final IssueSource issues;

    public ListIssuesService(IssueSource issues) {
        this.issues = Objects.requireNonNull(issues, "issues");
    }

    @Override
    public Page<Issue> list(Principal principal, IssueQuery query) {
        return issues.list(principal.org(), query);
    }
}
