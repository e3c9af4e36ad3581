package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** The MCP side holding the admin store. */
final class HoldsAdminStore {
    com.lucenthq.mcp.domain.port.AdminStore store;
}
