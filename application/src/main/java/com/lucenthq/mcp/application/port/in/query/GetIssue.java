package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueId;
import java.util.Optional;
import com.lucenthq.mcp.domain.token.Principal;

/** Fetches one issue with its timeline and related objects; empty when the org has no such issue. Scoped to the principal's org; the org is never taken from anywhere else. */
public interface GetIssue {

    Optional<IssueDetail> get(Principal principal, IssueId id);
}
