package com.lucenthq.mcp.adapters.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
        OperationsHttpService operations = new OperationsHttpService(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ready::get, dataServices::get);
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

    private JsonNode assertHealth(String path, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        return JSON.readTree(response.body());
    }
}
