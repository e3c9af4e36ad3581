package com.lucenthq.mcp.adapters.mcp.protocol;

import java.util.Optional;

/**
 * The MCP adapter's hook for distributed tracing, free of any tracing library (bootstrap implements it with
 * OpenTelemetry). Each method starts a span that is current on the calling thread until it ends, so that the calls made
 * meanwhile (the data service's) belong to it. {@link #OFF} traces nothing.
 */
public interface McpTracing {

    McpTracing OFF = new McpTracing() {
        @Override
        public OpenSpan httpRequest(String method, String traceparent, String tracestate) {
            return OpenSpan.NONE;
        }

        @Override
        public OpenSpan authentication() {
            return OpenSpan.NONE;
        }

        @Override
        public OpenSpan toolCall(ToolCallSpan call) {
            return OpenSpan.NONE;
        }

        @Override
        public Optional<String> currentTraceId() {
            return Optional.empty();
        }
    };

    /**
     * One HTTP request to the MCP endpoint, continuing the trace of its W3C {@code traceparent} and {@code tracestate}
     * headers (null when absent), or starting a new one.
     */
    OpenSpan httpRequest(String method, String traceparent, String tracestate);

    /** The bearer-token check, within the current span. */
    OpenSpan authentication();

    /**
     * A {@code tools/call}: continues the trace of the request's {@code _meta.traceparent} when it has one (the current
     * span, its HTTP request, is then linked), or the current span's.
     */
    OpenSpan toolCall(ToolCallSpan call);

    /** The current span's trace id, 32 lowercase hex digits; empty when nothing is traced. */
    Optional<String> currentTraceId();

    /**
     * What a tool-call span records: the tool, the MCP revision spoken, and the W3C trace context of
     * {@code params._meta} (null when absent).
     */
    record ToolCallSpan(String tool, String protocolVersion, String traceparent, String tracestate) {
    }

    /** A started span; it stops being current when it ends. */
    interface OpenSpan {

        OpenSpan NONE = (errorType, outcome) -> {
        };

        /**
         * Ends the span; {@code errorType} (the convention's {@code error.type}, e.g. {@code tool_error}, a JSON-RPC
         * error code or an HTTP status) marks it failed when not null, and {@code outcome} is this server's own label.
         */
        void end(String errorType, String outcome);
    }
}
