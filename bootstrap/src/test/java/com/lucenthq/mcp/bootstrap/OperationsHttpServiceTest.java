package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpService;
import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.page.Page;
import io.helidon.webserver.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probes on a real server: liveness always, readiness as the supplier says at each request, with each data
 * service's channel state as reported at that request.
 */
class OperationsHttpServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicReference<Map<String, String>> dataServices = new AtomicReference<>(
            Map.of("issues", "ready", "signals", "ready", "insights", "ready"));
    private WebServer server;

    @BeforeEach
    void start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // registers the MCP endpoint's meters, as the server does
        new McpHttpService(new McpUseCases(presented -> new AuthenticationResult.Unknown(),
                (principal, query) -> new Page<>(List.of(), Optional.empty()), (principal, id) -> Optional.empty(),
                (principal, query) -> new Page<>(List.of(), Optional.empty()), (principal, id) -> Optional.empty(),
                (principal, query) -> new InsightListing(new Page<>(List.of(), Optional.empty()), query.created()),
                (principal, id) -> Optional.empty(),
                (principal, groupBy, status, lastSeen) -> { throw new AssertionError("no summaries in this test"); },
                (principal, created) -> { throw new AssertionError("no summaries in this test"); }),
                McpHttpConfig.forBaseUrl(URI.create("https://mcp.example.com")), "test", registry);
        OperationsHttpService operations = new OperationsHttpService(registry, ready::get, dataServices::get);
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register(operations))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void readinessFollowsTheSupplier() throws Exception {
        assertEquals("DOWN", assertHealth("/health/ready", 503).path("status").asText());
        ready.set(true);
        assertEquals("UP", assertHealth("/health/ready", 200).path("status").asText());
        ready.set(false);
        assertEquals("DOWN", assertHealth("/health/ready", 503).path("status").asText());
    }

    @Test
    void readinessReportsEachDataServiceWithoutLettingItDecideTheStatus() throws Exception {
        ready.set(true);
        dataServices.set(Map.of("issues", "transient_failure", "signals", "idle", "insights", "ready"));

        JsonNode body = assertHealth("/health/ready", 200);

        assertEquals("UP", body.path("status").asText());
        assertEquals(JSON.readTree("{\"issues\":\"transient_failure\",\"signals\":\"idle\",\"insights\":\"ready\"}"),
                body.path("data_services"));
    }

    @Test
    void livenessIsUpWhetherReadyOrNot() throws Exception {
        assertEquals(JSON.readTree("{\"status\":\"UP\"}"), assertHealth("/health/live", 200));
        ready.set(true);
        assertEquals(JSON.readTree("{\"status\":\"UP\"}"), assertHealth("/health/live", 200));
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("# TYPE lucent_mcp_tool_calls_total counter"), response.body());
        assertTrue(response.body().contains("# TYPE lucent_mcp_request_duration_seconds histogram"), response.body());
    }

    private JsonNode assertHealth(String path, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        return JSON.readTree(response.body());
    }
}
