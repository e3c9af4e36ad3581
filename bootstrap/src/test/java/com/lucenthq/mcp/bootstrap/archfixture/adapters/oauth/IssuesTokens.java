package com.lucenthq.mcp.bootstrap.archfixture.adapters.oauth;

/** An OAuth adapter may issue and revoke tokens: no MCP rule forbids it. */
final class IssuesTokens {
    com.lucenthq.mcp.application.port.in.token.CreateToken create;
    com.lucenthq.mcp.application.port.in.token.RevokeToken revoke;
}
