package com.lucenthq.mcp.adapters.mcp.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The paths of the legacy HTTP+SSE transport: 410 with the way to the streamable HTTP endpoint. */
final class LegacySse {

    private static final String[] PATHS = {"/api/sse", "/api/message"};

    private final String mcpUrl;

    LegacySse(McpHttpConfig config) {
        this.mcpUrl = config.mcpUrl();
    }

    void routing(HttpRules rules) {
        for (String path : PATHS) {
            rules.head(path, (request, response) -> Responses.withoutBody(response, Status.GONE_410, null))
                    .any(path, this::gone);
        }
    }

    private void gone(ServerRequest request, ServerResponse response) {
        Responses.plain(response, Status.GONE_410, "The legacy HTTP+SSE transport (/api/sse, /api/message) is not supported. "
                + "Use the streamable HTTP transport at " + mcpUrl + " (for example: claude mcp add --transport http "
                + "lucent " + mcpUrl + "), upgrade your client, or use mcp-remote as a proxy.");
    }
}
