package com.lucenthq.mcp.adapters.mcp.transport;

import com.lucenthq.mcp.adapters.mcp.protocol.McpTracing;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.Handler;

/**
 * A span for each HTTP request to the MCP endpoint, continuing the caller's W3C trace context headers; the span ends
 * with the response status, failed on a 5xx as the HTTP conventions say (a 4xx is the client's error, not ours).
 */
final class TracedRequests {

    private static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
    private static final HeaderName TRACESTATE = HeaderNames.create("tracestate");

    private final McpTracing tracing;

    TracedRequests(McpTracing tracing) {
        this.tracing = tracing;
    }

    Handler traced(Handler handler) {
        if (tracing == McpTracing.OFF) {
            return handler;
        }
        return (request, response) -> {
            String traceparent = request.headers().first(TRACEPARENT).orElse(null);
            McpTracing.OpenSpan span = tracing.httpRequest(request.prologue().method().text(), traceparent,
                    traceparent == null ? null : request.headers().first(TRACESTATE).orElse(null));
            int status = 500;
            try {
                handler.handle(request, response);
                status = response.status().code();
            } catch (RequestException e) {
                status = e.status().code();
                throw e;
            } finally {
                span.end(status >= 500 ? Integer.toString(status) : null, Integer.toString(status));
            }
        };
    }
}
