package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.GetIssue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;
import java.util.Optional;

public final class GetIssueService implements GetIssue {

    private final IssueSource issues;

    public GetIssueService(IssueSource issues) {
        this.issues = Objects.requireNonNull(issues, "issues");
    }

    @Override
    public Optional<IssueDetail> get(Principal principal, IssueId id) {
        return issues.find(principal.org(), id);
    }
}
