package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** OpenTelemetry outside bootstrap. */
final class UsesOpenTelemetry {
    String traceId() {
        return io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId();
    }
}
