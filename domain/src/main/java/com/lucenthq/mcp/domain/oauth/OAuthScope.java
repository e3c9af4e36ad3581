package com.lucenthq.mcp.domain.oauth;

/** The one scope this server grants: read-only access to the org's issues, signals and insights. */
public final class OAuthScope {

    public static final String MCP_READ = "mcp:read";

    private OAuthScope() {
    }
}
