package com.lucenthq.mcp.adapters.mcp;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the MCP endpoint presents itself to clients.
 *
 * @param publicBaseUrl        the URL clients reach this server at, e.g. {@code https://app.lucenthq.com}
 *                             (behind a proxy, the proxy's), without a trailing slash
 * @param authorizationServers issuers named in the protected-resource metadata; RFC 9728 clients require one
 * @param documentationUrl     where a person learns to use the server
 * @param allowedOrigins       browser origins allowed to call the endpoint besides the public base URL's own
 * @param rateLimits           request rate limits of the endpoint, per replica
 */
public record McpHttpConfig(URI publicBaseUrl, List<URI> authorizationServers, URI documentationUrl,
                            Set<String> allowedOrigins, RateLimits rateLimits) {

    public static final String MCP_PATH = "/api/mcp";
    public static final String RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource";

    public McpHttpConfig {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        String text = publicBaseUrl.toString();
        if (publicBaseUrl.getScheme() == null || publicBaseUrl.getHost() == null || text.endsWith("/")) {
            throw new IllegalArgumentException("public base URL must be absolute, without a trailing slash: " + text);
        }
        authorizationServers = List.copyOf(authorizationServers);
        if (authorizationServers.isEmpty()) {
            throw new IllegalArgumentException("at least one authorization server is required");
        }
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** The defaults for a server reached at {@code publicBaseUrl}: it names itself as issuer. */
    public static McpHttpConfig forBaseUrl(URI publicBaseUrl) {
        return new McpHttpConfig(publicBaseUrl, List.of(publicBaseUrl),
                URI.create("https://docs.lucenthq.com/mcp"), Set.of(), RateLimits.DEFAULTS);
    }

    public McpHttpConfig withRateLimits(RateLimits limits) {
        return new McpHttpConfig(publicBaseUrl, authorizationServers, documentationUrl, allowedOrigins, limits);
    }

    public String mcpUrl() {
        return publicBaseUrl + MCP_PATH;
    }

    public String resourceMetadataUrl() {
        return publicBaseUrl + RESOURCE_METADATA_PATH;
    }

    /** The public base URL as a browser sends it in {@code Origin}: scheme, host and any explicit port. */
    String ownOrigin() {
        return publicBaseUrl.getScheme() + "://" + publicBaseUrl.getRawAuthority();
    }
}
