package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** The MCP side holding a token-writing use case. */
final class CreatesToken {
    com.lucenthq.mcp.application.port.in.token.CreateToken create;
}
