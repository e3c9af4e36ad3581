package com.lucenthq.mcp.adapters.mcp.transport;

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
 * @param maxResultBytes       the most bytes a list tool's structured content may take; longer pages are cut short
 *                             with {@code truncated: true} (see tools.ResultBudget)
 */
public record McpHttpConfig(URI publicBaseUrl, List<URI> authorizationServers, URI documentationUrl,
                            Set<String> allowedOrigins, RateLimits rateLimits, int maxResultBytes) {

    /** The default of {@link #maxResultBytes}: 128 KiB for structured content and text block together, so the text stays under 19k tokens. */
    public static final int DEFAULT_MAX_RESULT_BYTES = 131_072;
    /** The smallest {@link #maxResultBytes} accepted: room for a page's envelope and a modest item. */
    public static final int MIN_MAX_RESULT_BYTES = 1_024;

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
        if (maxResultBytes < MIN_MAX_RESULT_BYTES) {
            throw new IllegalArgumentException("the result size budget must be at least " + MIN_MAX_RESULT_BYTES
                    + " bytes, not " + maxResultBytes);
        }
    }

    /** The defaults for a server reached at {@code publicBaseUrl}: it names itself as issuer. */
    public static McpHttpConfig forBaseUrl(URI publicBaseUrl) {
        return new McpHttpConfig(publicBaseUrl, List.of(publicBaseUrl),
                URI.create("https://docs.lucenthq.com/mcp"), Set.of(), RateLimits.DEFAULTS, DEFAULT_MAX_RESULT_BYTES);
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
