package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.token.Principal;

/** Lists the issues that match a query. Scoped to the principal's org; the org is never taken from anywhere else. */
public interface ListIssues {

    Page<Issue> list(Principal principal, IssueQuery query);
}
