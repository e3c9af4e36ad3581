package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.mcp.protocol.McpTracing;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Optional;

/**
 * The MCP adapter's spans with OpenTelemetry: the HTTP request (a server span continuing the {@code traceparent}
 * header), the authentication inside it, and each {@code tools/call} as the MCP semantic conventions describe it: a
 * server span named {@code tools/call <tool>}, its parent the {@code params._meta} trace context when there is one
 * (the HTTP request's span linked), else the HTTP request's. The propagator, never our own parsing, reads the W3C
 * trace context.
 */
final class OpenTelemetryMcpTracing implements McpTracing {

    static final AttributeKey<String> MCP_METHOD_NAME = AttributeKey.stringKey("mcp.method.name");
    static final AttributeKey<String> MCP_PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    static final AttributeKey<String> GEN_AI_TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> GEN_AI_OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** This server's own finer outcome (e.g. {@code not_found}, {@code backend_unavailable}), as in the audit line. */
    static final AttributeKey<String> LUCENT_OUTCOME = AttributeKey.stringKey("lucent.outcome");
    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
    static final AttributeKey<String> NETWORK_PROTOCOL_NAME = AttributeKey.stringKey("network.protocol.name");

    /** The trace context of one request: its two W3C fields, read by the propagator. */
    private record TraceContextFields(String traceparent, String tracestate) {
    }

    private static final TextMapGetter<TraceContextFields> FIELDS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContextFields carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContextFields carrier, String key) {
            return carrier == null ? null : switch (key) {
                case "traceparent" -> carrier.traceparent();
                case "tracestate" -> carrier.tracestate();
                default -> null;
            };
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    OpenTelemetryMcpTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("com.lucenthq.mcp", Version.current().text());
    }

    @Override
    public McpTracing.OpenSpan httpRequest(String method, String traceparent, String tracestate) {
        Span span = tracer.spanBuilder(method + " " + McpHttpConfig.MCP_PATH)
                .setParent(traceparent == null ? Context.root() : extract(traceparent, tracestate))
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(HTTP_REQUEST_METHOD, method)
                .setAttribute(HTTP_ROUTE, McpHttpConfig.MCP_PATH)
                .startSpan();
        return current(span, (errorType, status) -> span.setAttribute(HTTP_RESPONSE_STATUS_CODE, Long.parseLong(status)));
    }

    @Override
    public McpTracing.OpenSpan authentication() {
        Span span = tracer.spanBuilder("authentication").startSpan();
        return current(span, (errorType, outcome) -> span.setAttribute(LUCENT_OUTCOME, outcome));
    }

    @Override
    public McpTracing.OpenSpan toolCall(ToolCallSpan call) {
        SpanBuilder builder = tracer.spanBuilder("tools/call " + call.tool())
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(MCP_METHOD_NAME, "tools/call")
                .setAttribute(GEN_AI_TOOL_NAME, call.tool())
                .setAttribute(GEN_AI_OPERATION_NAME, "execute_tool")
                .setAttribute(MCP_PROTOCOL_VERSION, call.protocolVersion())
                .setAttribute(NETWORK_TRANSPORT, "tcp")
                .setAttribute(NETWORK_PROTOCOL_NAME, "http");
        if (call.traceparent() != null) {
            Context fromMeta = extract(call.traceparent(), call.tracestate());
            if (Span.fromContext(fromMeta).getSpanContext().isValid()) {
                SpanContext ambient = Span.current().getSpanContext();
                builder.setParent(fromMeta);
                if (ambient.isValid()) {
                    builder.addLink(ambient);
                }
            }
        }
        Span span = builder.startSpan();
        return current(span, (errorType, outcome) -> span.setAttribute(LUCENT_OUTCOME, outcome));
    }

    @Override
    public Optional<String> currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? Optional.of(context.getTraceId()) : Optional.empty();
    }

    private Context extract(String traceparent, String tracestate) {
        return openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), new TraceContextFields(traceparent, tracestate), FIELDS);
    }

    /** {@code span} made current until it ends; {@code describe} adds the attributes of how it ended. */
    private static McpTracing.OpenSpan current(Span span, McpTracing.OpenSpan describe) {
        Scope scope = span.makeCurrent();
        return (errorType, outcome) -> {
            try {
                describe.end(errorType, outcome);
                if (errorType != null) {
                    span.setAttribute(ERROR_TYPE, errorType);
                    span.setStatus(StatusCode.ERROR);
                }
                span.end();
            } finally {
                scope.close();
            }
        };
    }
}
