package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
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
 * @param dataSource      where issues, signals and insights come from: gRPC (the default) or the bundled dataset in memory
 * @param dataEndpoints   with {@code grpc}, where the issues, signals and insights services are; the bundled sample
 *                        backend for those without a target
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param maxResultBytes  the size budget of one tool result; larger lists are cut and continued by cursor
 * @param operationsPort  the listener of /metrics and /health/*, 0 for any free port
 * @param requestReadTimeout       on every listener, how long reading one request's headers and body, answering it,
 *                                 or waiting for the next may take before the connection is closed
 * @param maxConnectionsPerAddress on every listener, connections open at once from one client address
 * @param oauth           the built-in authorization server's options; unused with external authorizationServers
 */
record ServerSettings(String host, int port, Optional<URI> publicBaseUrl, Supplier<TokenDatabase> tokenDatabase,
                      DataSource dataSource, DataEndpoints dataEndpoints, long maxRequestBytes, int maxResultBytes,
                      Set<String> allowedOrigins,
                      List<URI> authorizationServers, RateLimits rateLimits, String operationsHost, int operationsPort,
                      Duration requestReadTimeout, int maxConnectionsPerAddress, OAuthOptions oauth) {

    /** Reading a request's headers and body, answering it, or idling between requests: each at most this long. */
    static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 128;

    /** With the default slow-client limits and the authorization server's defaults. */
    ServerSettings(String host, int port, Optional<URI> publicBaseUrl, Supplier<TokenDatabase> tokenDatabase,
                   DataSource dataSource, DataEndpoints dataEndpoints,
                   long maxRequestBytes, int maxResultBytes, Set<String> allowedOrigins, List<URI> authorizationServers,
                   RateLimits rateLimits, String operationsHost, int operationsPort) {
        this(host, port, publicBaseUrl, tokenDatabase, dataSource, dataEndpoints, maxRequestBytes,
                maxResultBytes, allowedOrigins, authorizationServers, rateLimits, operationsHost, operationsPort,
                DEFAULT_REQUEST_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, OAuthOptions.DEFAULTS);
    }

    ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        Objects.requireNonNull(tokenDatabase, "tokenDatabase");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dataEndpoints, "dataEndpoints");
        if (dataSource != DataSource.GRPC && dataEndpoints.anyTarget()) {
            throw new IllegalArgumentException("--data-target and the per-service targets apply to --data-source grpc only");
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
        if (requestReadTimeout.compareTo(dataEndpoints.longestDeadline().plusSeconds(1)) < 0 || requestReadTimeout.toSeconds() < 10) {
            throw new IllegalArgumentException("the request read timeout must be at least 10 s and longer than the data "
                    + "deadline");
        }
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("the connections per address must be at least 1");
        }
        Objects.requireNonNull(oauth, "oauth");
    }

    /** The public base URL, defaulting to this listener's own address once the port is known. */
    URI publicBaseUrl(int boundPort) {
        return publicBaseUrl.orElseGet(() -> DefaultPublicUrl.of(host, boundPort));
    }

    /** Other URLs browsers may reach this server at, allowed as origins: the loopback spellings of the default URL. */
    List<URI> publicUrlAliases(URI publicUrl) {
        return publicBaseUrl.isPresent() ? List.of() : DefaultPublicUrl.aliases(publicUrl);
    }
}
