package com.lucenthq.mcp.bootstrap.archfixture.domain.issue;

/** One half of a package cycle in the domain. */
public final class IssueLike {
    com.lucenthq.mcp.bootstrap.archfixture.domain.insight.InsightLike insight;
}
