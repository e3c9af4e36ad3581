package com.lucenthq.mcp.adapters.mcp.transport;

import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.CLIENT;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.PRINCIPAL_A;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.TOKEN_A;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.mcp.transport.RateLimits.Rate;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real calls to the MCP endpoint, then a real scrape of {@code /metrics} on a separate operations listener. */
class McpMetricsTest {

    private McpTestServer server;

    @BeforeEach
    void start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // One failed authentication per address is allowed, so that the second one is rate limited.
        RateLimits limits = new RateLimits(Optional.empty(), Optional.empty(), Optional.of(Rate.perMinute(1, 1)), 1000);
        server = new McpTestServer(limits, registry, builder -> builder.maxPayloadSize(4096).putSocket("operations",
                socket -> socket.host("127.0.0.1").port(0)
                        // what bootstrap's OperationsHttpService serves at /metrics
                        .routing(routing -> routing.get("/metrics", (request, response) -> response.send(registry.scrape())))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestsToolCallsAndRefusalsAreCountedWithBoundedLabels() throws Exception {
        assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode());
        assertEquals(200, server.callTool(TOKEN_A, "list_issues", "{}").statusCode());
        assertEquals(200, server.callTool(TOKEN_A, "list_issues", "{\"limit\":500}").statusCode());
        server.backendDown.set(true);
        assertEquals(200, server.callTool(TOKEN_A, "list_issues", "{}").statusCode());
        assertEquals(200, server.callTool(TOKEN_A, "get_issue", "{\"id\":\"" + UUID.randomUUID() + "\"}").statusCode());
        assertEquals(200, server.callTool(TOKEN_A, "no_such_tool", "{}").statusCode());
        assertEquals(405, server.get("/api/mcp", TOKEN_A).statusCode());
        assertEquals(401, server.ping(CLIENT, null).statusCode());
        assertEquals(401, server.ping(CLIENT, UNKNOWN).statusCode());
        assertEquals(429, server.ping(CLIENT, UNKNOWN).statusCode(), "a refused token beyond the failed-auth limit");

        String scrape = scrapeOnceCounted(10);
        assertEquals(6, sample(scrape, "lucent_mcp_http_requests_total", "method", "POST", "status", "200"));
        assertEquals(2, sample(scrape, "lucent_mcp_http_requests_total", "method", "POST", "status", "401"));
        assertEquals(1, sample(scrape, "lucent_mcp_http_requests_total", "method", "POST", "status", "429"));
        assertEquals(1, sample(scrape, "lucent_mcp_http_requests_total", "method", "GET", "status", "405"));
        assertEquals(9, sample(scrape, "lucent_mcp_request_duration_seconds_count", "method", "POST"));
        assertEquals(9, sample(scrape, "lucent_mcp_request_duration_seconds_bucket", "method", "POST", "le", "+Inf"));
        assertTrue(scrape.contains("lucent_mcp_request_duration_seconds_bucket{le=\"0.001\",method=\"POST\"}")
                || scrape.contains("lucent_mcp_request_duration_seconds_bucket{method=\"POST\",le=\"0.001\"}"),
                "latency is a histogram with buckets from a millisecond");

        assertEquals(1, sample(scrape, "lucent_mcp_tool_calls_total", "tool", "list_issues", "outcome", "ok"));
        assertEquals(1, sample(scrape, "lucent_mcp_tool_calls_total", "tool", "list_issues", "outcome", "invalid_arguments"));
        assertEquals(1, sample(scrape, "lucent_mcp_tool_calls_total", "tool", "list_issues", "outcome", "backend_unavailable"));
        assertEquals(1, sample(scrape, "lucent_mcp_tool_calls_total", "tool", "get_issue", "outcome", "not_found"));
        assertEquals(0, sample(scrape, "lucent_mcp_tool_calls_total", "tool", "get_signal", "outcome", "ok"),
                "every tool's series exist from the start");
        assertEquals(3, sample(scrape, "lucent_mcp_tool_call_duration_seconds_count", "tool", "list_issues"));
        assertEquals(1, sample(scrape, "lucent_mcp_backend_errors_total", "tool", "list_issues"));
        assertEquals(0, sample(scrape, "lucent_mcp_backend_errors_total", "tool", "get_issue"));

        assertEquals(1, sample(scrape, "lucent_mcp_auth_failures_total", "reason", "missing"));
        assertEquals(1, sample(scrape, "lucent_mcp_auth_failures_total", "reason", "unknown"));
        assertEquals(1, sample(scrape, "lucent_mcp_auth_failures_total", "reason", "rate_limited"));
        assertEquals(0, sample(scrape, "lucent_mcp_auth_failures_total", "reason", "store_unavailable"));
        assertEquals(1, sample(scrape, "lucent_mcp_rate_limited_total", "limit", "failed_auth"));
        assertEquals(0, sample(scrape, "lucent_mcp_rate_limited_total", "limit", "token"));

        assertFalse(scrape.contains("no_such_tool"), "a client cannot create label values");
        assertFalse(scrape.contains(TOKEN_A) || scrape.contains(UNKNOWN), "no token in metrics");
        assertFalse(scrape.contains(PRINCIPAL_A.tokenId().toString()), "no token id in metrics");
        assertFalse(scrape.contains("acme"), "no org in metrics");
    }

    @Test
    void aBodyRefusedWhileBeingReadIsCountedWithItsStatus() throws Exception {
        // Streamed without a length, the body is found too large only as the handler reads it.
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(10_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port("@default") + "/api/mcp"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN_A)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertEquals(413, CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(1, sample(scrapeOnceCounted(1), "lucent_mcp_http_requests_total", "method", "POST", "status", "413"));
    }

    @Test
    void theOperationsEndpointsAreNotOnTheMcpListener() throws Exception {
        assertEquals(404, server.get("/metrics", null).statusCode());
    }

    /**
     * A scrape taken once {@code requests} requests are counted: a request is counted after its response is sent,
     * so the client may see the response a moment before the count.
     */
    private String scrapeOnceCounted(int requests) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            String scrape = operations("/metrics").body();
            // Both series: a counter registered for a status first seen by the last request can be missing from a
            // scrape that already counts that request's duration (Micrometer adds a new series to the Prometheus
            // collector apart from recording); the next scrape has it.
            if (total(scrape, "lucent_mcp_request_duration_seconds_count{") >= requests
                    && total(scrape, "lucent_mcp_http_requests_total{") >= requests || System.nanoTime() > deadline) {
                return scrape;
            }
            Thread.sleep(10);
        }
    }

    private static double total(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).strip())).sum();
    }

    private HttpResponse<String> operations(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port("operations") + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the sample of {@code name} whose labels are exactly {@code labels} (name, value, …); fails if none. */
    private static double sample(String scrape, String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{")) {
                int close = line.lastIndexOf('}');
                Map<String, String> found = new HashMap<>();
                for (String pair : line.substring(name.length() + 1, close).split(",")) {
                    int equals = pair.indexOf('=');
                    found.put(pair.substring(0, equals), pair.substring(equals + 2, pair.length() - 1));
                }
                if (found.equals(wanted)) {
                    return Double.parseDouble(line.substring(close + 1).strip());
                }
            }
        }
        throw new AssertionError("no sample " + name + wanted + " in\n" + scrape);
    }
}
