package com.lucenthq.mcp.adapters.mcp.transport;

import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A real Helidon server around {@link McpHttpService} over fake use cases, with the rate limiters on a
 * {@link ManualTicker}, and real HTTP clients that connect from two different loopback addresses.
 */
final class McpTestServer implements AutoCloseable {

    /** No rate limits, for tests about something else. */
    static final RateLimits NO_LIMITS = new RateLimits(Optional.empty(), Optional.empty(), Optional.empty(), 50_000);

    static final String TOKEN_A = "luc_mcp_" + "A".repeat(32);
    static final String TOKEN_B = "luc_mcp_" + "B".repeat(32);
    static final String REVOKED = "luc_mcp_" + "R".repeat(32);
    static final String UNKNOWN = "luc_mcp_" + "U".repeat(32);
    static final Principal PRINCIPAL_A = new Principal(OrgId.of("acme"), TokenId.random());
    static final Principal PRINCIPAL_B = new Principal(OrgId.of("acme"), TokenId.random());

    /** Connects from 127.0.0.1. */
    static final HttpClient CLIENT = client("127.0.0.1");
    /** Connects from 127.0.0.2: another client address as far as the server can tell. */
    static final HttpClient OTHER_CLIENT = client("127.0.0.2");

    final ManualTicker ticker = new ManualTicker();
    /** How often the token store was asked. */
    final AtomicInteger authentications = new AtomicInteger();
    final AtomicBoolean backendDown = new AtomicBoolean();
    /** The cause of the failure while {@link #backendDown}, e.g. a gRPC status; none by default. */
    final AtomicReference<Throwable> backendCause = new AtomicReference<>();
    private final WebServer server;

    /** {@code more} adds to the server, e.g. an operations listener. */
    McpTestServer(RateLimits limits, MeterRegistry meters, Consumer<WebServerConfig.Builder> more) {
        McpHttpConfig config = config(limits, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES);
        McpHttpService mcp = new McpHttpService(useCases(), config, "test", meters, ticker);
        WebServerConfig.Builder builder = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .directHandlers(MalformedRequestLine.handlers())
                .routing(routing -> routing.register(mcp));
        more.accept(builder);
        server = builder.build().start();
    }

    /** The defaults of a server at https://mcp.example.com, with these limits and this result budget. */
    static McpHttpConfig config(RateLimits limits, int maxResultBytes) {
        McpHttpConfig defaults = McpHttpConfig.forBaseUrl(URI.create("https://mcp.example.com"));
        return new McpHttpConfig(defaults.publicBaseUrl(), defaults.authorizationServers(), defaults.documentationUrl(),
                defaults.allowedOrigins(), limits, maxResultBytes);
    }

    McpTestServer(RateLimits limits, MeterRegistry meters) {
        this(limits, meters, builder -> { });
    }

    int port(String socket) {
        return server.port(socket);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** POSTs {@code body} to the MCP endpoint from {@code client}, with {@code token} unless it is null. */
    HttpResponse<String> post(HttpClient client, String body, String token) throws Exception {
        return client.send(request(body, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of {@code body} to the MCP endpoint as a client of 2025-11-25 sends it, with {@code token} unless null. */
    HttpRequest.Builder request(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    HttpResponse<String> ping(HttpClient client, String token) throws Exception {
        return post(client, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", token);
    }

    HttpResponse<String> callTool(String token, String tool, String arguments) throws Exception {
        return post(CLIENT, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}", token);
    }

    /** GETs {@code path} with {@code token} unless it is null. */
    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private McpUseCases useCases() {
        return new McpUseCases(
                presented -> {
                    authentications.incrementAndGet();
                    if (presented.equals(TOKEN_A)) {
                        return new AuthenticationResult.Authenticated(PRINCIPAL_A);
                    }
                    if (presented.equals(TOKEN_B)) {
                        return new AuthenticationResult.Authenticated(PRINCIPAL_B);
                    }
                    if (presented.equals(REVOKED)) {
                        return new AuthenticationResult.Revoked();
                    }
                    return presented.startsWith("luc_mcp_") && presented.length() == 40
                            ? new AuthenticationResult.Unknown() : new AuthenticationResult.Malformed();
                },
                (principal, query) -> {
                    if (backendDown.get()) {
                        throw new DataSourceUnavailableException("The issue service is unavailable; try again.",
                                backendCause.get());
                    }
                    return new Page<>(List.of(), Optional.empty());
                },
                (principal, id) -> Optional.empty(),
                (principal, query) -> new Page<>(List.of(), Optional.empty()),
                (principal, id) -> Optional.empty(),
                (principal, query) -> new InsightListing(new Page<>(List.of(), Optional.empty()),
                        query.resolvedAt(Instant.parse("2026-11-24T12:00:00Z")).created()),
                (principal, id) -> Optional.empty(),
                (principal, groupBy, status, lastSeen) -> { throw new AssertionError("no summaries in this test"); },
                (principal, created) -> { throw new AssertionError("no summaries in this test"); });
    }

    private static HttpClient client(String localAddress) {
        try {
            return HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
