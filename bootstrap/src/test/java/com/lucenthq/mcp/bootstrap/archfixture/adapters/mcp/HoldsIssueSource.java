package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** The MCP side holding a data source directly, past the use case that takes the org from the principal. */
final class HoldsIssueSource {
    com.lucenthq.mcp.domain.port.IssueSource issues;
}
