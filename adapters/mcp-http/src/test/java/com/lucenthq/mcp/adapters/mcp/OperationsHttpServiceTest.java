package com.lucenthq.mcp.adapters.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.webserver.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes on a real server: liveness always, readiness as the supplier says at each request. */
class OperationsHttpServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean();
    private WebServer server;

    @BeforeEach
    void start() {
        OperationsHttpService operations = new OperationsHttpService(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ready::get);
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
        assertHealth("/health/ready", 503, "{\"status\":\"DOWN\"}");
        ready.set(true);
        assertHealth("/health/ready", 200, "{\"status\":\"UP\"}");
        ready.set(false);
        assertHealth("/health/ready", 503, "{\"status\":\"DOWN\"}");
    }

    @Test
    void livenessIsUpWhetherReadyOrNot() throws Exception {
        assertHealth("/health/live", 200, "{\"status\":\"UP\"}");
        ready.set(true);
        assertHealth("/health/live", 200, "{\"status\":\"UP\"}");
    }

    private void assertHealth(String path, int status, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path);
        assertEquals(body, response.body(), path);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }
}
