package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** The MCP side holding an admin use case. */
final class StartsAdminSession {
    com.lucenthq.mcp.application.port.in.admin.StartAdminSession signIn;
}
