package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.mcp.protocol.McpTracing;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ServerInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * OpenTelemetry for the whole server: the MCP adapter's spans, and the gRPC client spans of the data services with their
 * trace context propagated to them (and continued by the bundled sample backend). Off (the default) it exports nothing
 * and adds no gRPC interceptor: only the W3C propagator runs, when a request carries a {@code traceparent}, so that
 * the audit lines name the caller's trace.
 */
final class Tracing implements AutoCloseable {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> SERVICE_VERSION = AttributeKey.stringKey("service.version");
    private static final ContextPropagators W3C = ContextPropagators.create(W3CTraceContextPropagator.getInstance());

    private final Optional<OpenTelemetrySdk> sdk;
    private final McpTracing mcp;
    private final Optional<GrpcTelemetry> grpc;

    private Tracing(Optional<OpenTelemetrySdk> sdk) {
        this.sdk = sdk;
        OpenTelemetry openTelemetry = sdk.<OpenTelemetry>map(s -> s).orElseGet(() -> OpenTelemetry.propagating(W3C));
        this.mcp = new OpenTelemetryMcpTracing(openTelemetry);
        this.grpc = sdk.map(GrpcTelemetry::create);
    }

    static Tracing off() {
        return new Tracing(Optional.empty());
    }

    /** Exports in batches over OTLP/HTTP to {@code endpoint}, e.g. {@code http://collector:4318/v1/traces}. */
    static Tracing otlp(URI endpoint) {
        return exportingTo(BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).build()).build());
    }

    /** Hands every span to {@code exporter} as it ends: for tests. */
    static Tracing exportingTo(SpanExporter exporter) {
        return exportingTo(SimpleSpanProcessor.create(exporter));
    }

    private static Tracing exportingTo(SpanProcessor processor) {
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        SERVICE_NAME, "lucent-mcp", SERVICE_VERSION, Version.current().text()))))
                .addSpanProcessor(processor)
                .build();
        return new Tracing(Optional.of(OpenTelemetrySdk.builder()
                .setTracerProvider(tracerProvider)
                .setPropagators(W3C)
                .build()));
    }

    McpTracing mcp() {
        return mcp;
    }

    /** {@code channel} with a client span per call and the trace context sent along; itself when tracing is off. */
    Channel intercept(Channel channel) {
        return grpc.map(telemetry -> ClientInterceptors.intercept(channel, telemetry.createClientInterceptor()))
                .orElse(channel);
    }

    /** What the bundled sample backend continues the trace with: a server span per call; none when tracing is off. */
    List<ServerInterceptor> backendInterceptors() {
        return grpc.map(telemetry -> List.of(telemetry.createServerInterceptor())).orElse(List.of());
    }

    /** Exports the spans still buffered. */
    @Override
    public void close() {
        sdk.ifPresent(OpenTelemetrySdk::close);
    }
}
