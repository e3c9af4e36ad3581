package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** The MCP side handling an admin key. */
final class ParsesAdminKey {
    Object parse(String text) {
        return com.lucenthq.mcp.domain.token.AdminKey.parse(text);
    }
}
