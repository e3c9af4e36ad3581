package com.lucenthq.mcp.bootstrap;

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
import java.util.Objects;
import java.util.function.BooleanSupplier;

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
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ready;

    /**
     * @param registry the registry the MCP endpoint records in
     * @param ready    whether this replica should get traffic, e.g. false while starting or draining
     */
    public OperationsHttpService(PrometheusMeterRegistry registry, BooleanSupplier ready) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ready = Objects.requireNonNull(ready, "ready");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(METRICS_PATH, this::metrics)
                .get(LIVE_PATH, (request, response) -> health(response, true))
                .get(READY_PATH, (request, response) -> health(response, ready.getAsBoolean()));
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

    private static void health(ServerResponse response, boolean up) {
        response.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(up ? UP : DOWN);
    }
}
