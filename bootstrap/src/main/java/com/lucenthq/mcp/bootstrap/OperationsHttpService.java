package com.lucenthq.mcp.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Endpoints for the platform, not for MCP clients: {@value #METRICS_PATH} in the Prometheus text format,
 * {@value #LIVE_PATH} and {@value #READY_PATH} for orchestrator probes. They take no authentication, so serve them on
 * a listener that only the internal network reaches, never on the public one.
 */
public final class OperationsHttpService implements HttpService {

    public static final String METRICS_PATH = "/metrics";
    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String UP = "{\"status\":\"UP\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ready;
    private final Supplier<Map<String, String>> dataServices;

    /**
     * @param registry     the registry the MCP endpoint records in
     * @param ready        whether this replica should get traffic, e.g. false while starting or draining
     * @param dataServices each data service's connection state by service name (e.g. issues: ready), shown by
     *                     readiness for operators; it does not change the status (see docs/configuration.md)
     */
    public OperationsHttpService(PrometheusMeterRegistry registry, BooleanSupplier ready,
                                 Supplier<Map<String, String>> dataServices) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.dataServices = Objects.requireNonNull(dataServices, "dataServices");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(METRICS_PATH, this::metrics)
                .get(LIVE_PATH, (request, response) -> {
                    health(response, true);
                    response.send(UP);
                })
                .get(READY_PATH, this::readiness);
    }

    private void metrics(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        // Micrometer's scrape() writes the text format 0.0.4 that the content type announces.
        try (OutputStream out = response.outputStream()) {
            registry.scrape(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the metrics failed", e);
        }
    }

    private void readiness(ServerRequest request, ServerResponse response) {
        boolean up = ready.getAsBoolean();
        ObjectNode body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
        ObjectNode services = body.putObject("data_services");
        dataServices.get().forEach(services::put);
        health(response, up);
        response.send(body.toString());
    }

    private static void health(ServerResponse response, boolean up) {
        response.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
    }
}
