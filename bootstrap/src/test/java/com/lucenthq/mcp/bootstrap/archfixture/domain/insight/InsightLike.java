package com.lucenthq.mcp.bootstrap.archfixture.domain.insight;

/** The other half of a package cycle in the domain. */
public final class InsightLike {
    com.lucenthq.mcp.bootstrap.archfixture.domain.issue.IssueLike issue;
}
