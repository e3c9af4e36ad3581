package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.RateLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything {@code serve} needs, resolved from flags and environment (see docs/configuration.md).
 *
 * @param port            0 for any free port
 * @param tokenDatabase   opens the token database (embedded H2 or shared PostgreSQL)
 * @param publicBaseUrl   the URL clients use; empty to use http://host:port
 * @param dataTarget      the gRPC target of the data services (e.g. {@code dns:///data.internal:443});
 *                        empty to start the bundled sample backend on loopback
 * @param dataSecurity    how the channel to {@code dataTarget} is secured (the bundled backend is on loopback, in plaintext)
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param maxResultBytes  the size budget of one tool result; larger lists are cut and continued by cursor
 * @param operationsPort  the listener of /metrics and /health/*, 0 for any free port
 * @param oauth           the built-in authorization server's options; unused with external authorizationServers
 */
record ServerSettings(String host, int port, Optional<URI> publicBaseUrl, Supplier<TokenDatabase> tokenDatabase,
                      Optional<String> dataTarget,
                      DataChannelSecurity dataSecurity, Duration dataDeadline, long maxRequestBytes, int maxResultBytes,
                      Set<String> allowedOrigins,
                      List<URI> authorizationServers, RateLimits rateLimits, String operationsHost, int operationsPort,
                      OAuthOptions oauth) {

    /** Settings with the authorization server's defaults. */
    ServerSettings(String host, int port, Optional<URI> publicBaseUrl, Supplier<TokenDatabase> tokenDatabase,
                   Optional<String> dataTarget, DataChannelSecurity dataSecurity, Duration dataDeadline, long maxRequestBytes,
                   int maxResultBytes, Set<String> allowedOrigins, List<URI> authorizationServers, RateLimits rateLimits,
                   String operationsHost, int operationsPort) {
        this(host, port, publicBaseUrl, tokenDatabase, dataTarget, dataSecurity, dataDeadline, maxRequestBytes, maxResultBytes,
                allowedOrigins, authorizationServers, rateLimits, operationsHost, operationsPort, OAuthOptions.DEFAULTS);
    }

    ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        Objects.requireNonNull(tokenDatabase, "tokenDatabase");
        Objects.requireNonNull(dataSecurity, "dataSecurity");
        if (dataDeadline.isNegative() || dataDeadline.isZero()) {
            throw new IllegalArgumentException("the data deadline must be positive");
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("the request size limit must be at least 1024 bytes");
        }
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(operationsHost, "operationsHost");
        if (operationsPort < 0 || operationsPort > 65535) {
            throw new IllegalArgumentException("operations port must be between 0 and 65535");
        }
        authorizationServers = List.copyOf(authorizationServers);
        Objects.requireNonNull(oauth, "oauth");
    }

    /** The public base URL, defaulting to this listener's own address once the port is known. */
    URI publicBaseUrl(int boundPort) {
        return publicBaseUrl.orElseGet(() -> URI.create("http://" + hostForUrl() + ":" + boundPort));
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
