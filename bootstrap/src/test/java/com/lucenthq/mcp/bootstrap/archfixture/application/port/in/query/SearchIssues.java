package com.lucenthq.mcp.bootstrap.archfixture.application.port.in.query;

import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;

/** A query use case whose name starts with neither List nor Get, taking the org from its caller. */
public interface SearchIssues {
    Page<Issue> search(OrgId org, String text);
}
