package com.lucenthq.mcp.adapters.mcp.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.oauth.OAuthScope;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;

/**
 * The RFC 9728 protected-resource metadata at {@value McpHttpConfig#RESOURCE_METADATA_PATH} (and its form with the
 * endpoint's path appended), where a client that got 401 learns which authorization servers issue tokens for us.
 */
final class ResourceMetadata {

    private final byte[] metadata;

    ResourceMetadata(McpHttpConfig config) {
        this.metadata = render(config);
    }

    /** HEAD first: an answer to HEAD must carry no body, or a reused connection reads it as the next response. */
    void routing(HttpRules rules) {
        for (String path : new String[] {McpHttpConfig.RESOURCE_METADATA_PATH,
                McpHttpConfig.RESOURCE_METADATA_PATH + McpHttpConfig.MCP_PATH}) {
            rules.head(path, (request, response) -> Responses.withoutBody(response, Status.METHOD_NOT_ALLOWED_405, "GET"))
                    .get(path, this::send);
        }
    }

    private void send(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        response.send(metadata);
    }

    private static byte[] render(McpHttpConfig config) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode metadata = json.createObjectNode().put("resource", config.mcpUrl());
        config.authorizationServers().forEach(server -> metadata.withArray("authorization_servers").add(server.toString()));
        metadata.putArray("bearer_methods_supported").add("header");
        metadata.putArray("scopes_supported").add(OAuthScope.MCP_READ);
        metadata.put("resource_name", "Lucent MCP");
        metadata.put("resource_documentation", config.documentationUrl().toString());
        try {
            return json.writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render the resource metadata", e);
        }
    }
}
