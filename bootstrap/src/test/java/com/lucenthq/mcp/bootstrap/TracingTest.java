package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.mcp.protocol.AuditLog;
import com.lucenthq.mcp.adapters.mcp.protocol.RequestRevision;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full server with OpenTelemetry exporting to the SDK's in-memory exporter, and the bundled sample backend over real
 * gRPC continuing the trace: one agent request is followed from its {@code traceparent} (header, or
 * {@code _meta.traceparent} in 2026-07-28) through the HTTP, authentication and tool-call spans and the gRPC client
 * span to the backend's server span, and its audit line names the same trace.
 */
class TracingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01";
    private static final String UNKNOWN_ISSUE = "5f0c1e2d-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    private static final AttributeKey<String> RPC_SYSTEM_NAME = AttributeKey.stringKey("rpc.system.name");

    @TempDir
    Path dataDir;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final List<String> auditLines = new CopyOnWriteArrayList<>();
    private final Handler auditCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            auditLines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private FullServerFixture fixture;

    @BeforeEach
    void captureAudit() {
        Logger.getLogger(AuditLog.LOGGER).addHandler(auditCapture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(AuditLog.LOGGER).removeHandler(auditCapture);
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aTraceparentHeaderIsContinuedThroughTheToolCallToTheDataService() {
        start(Tracing.exportingTo(spans));
        HttpResponse<String> response = fixture.send(withHeader(fixture.listIssues("Bearer " + fixture.token),
                "traceparent", TRACEPARENT));
        assertFalse(FullServerFixture.toolResult(response).path("isError").asBoolean(), response.body());

        SpanData http = awaitSpan(span -> span.getName().equals("POST /api/mcp"));
        assertEquals(TRACE_ID, http.getTraceId());
        assertEquals(PARENT_SPAN_ID, http.getParentSpanId(), "the HTTP span's parent is the caller's span");
        assertEquals(SpanKind.SERVER, http.getKind());
        assertEquals(200L, http.getAttributes().get(OpenTelemetryMcpTracing.HTTP_RESPONSE_STATUS_CODE));

        SpanData authentication = awaitSpan(span -> span.getName().equals("authentication"));
        assertEquals(http.getSpanId(), authentication.getParentSpanId());
        assertEquals(StatusCode.UNSET, authentication.getStatus().getStatusCode());

        SpanData tool = awaitSpan(span -> span.getName().equals("tools/call list_issues"));
        assertEquals(TRACE_ID, tool.getTraceId());
        assertEquals(http.getSpanId(), tool.getParentSpanId());
        assertEquals(SpanKind.SERVER, tool.getKind());
        assertEquals("tools/call", tool.getAttributes().get(OpenTelemetryMcpTracing.MCP_METHOD_NAME));
        assertEquals("list_issues", tool.getAttributes().get(OpenTelemetryMcpTracing.GEN_AI_TOOL_NAME));
        assertEquals("execute_tool", tool.getAttributes().get(OpenTelemetryMcpTracing.GEN_AI_OPERATION_NAME));
        assertTrue(tool.getAttributes().get(OpenTelemetryMcpTracing.MCP_PROTOCOL_VERSION).matches("\\d{4}-\\d{2}-\\d{2}"),
                tool.toString());
        assertEquals("ok", tool.getAttributes().get(OpenTelemetryMcpTracing.LUCENT_OUTCOME));
        assertNull(tool.getAttributes().get(OpenTelemetryMcpTracing.ERROR_TYPE));

        assertGrpcCallContinues(tool);
        assertEquals(TRACE_ID, auditTraceId("list_issues"));
    }

    @Test
    void aMetaTraceparentOf20260728ParentsTheToolCallAndLinksTheHttpRequest() {
        start(Tracing.exportingTo(spans));
        HttpResponse<String> response = fixture.send(modernToolCall("list_issues", TRACEPARENT));
        assertFalse(FullServerFixture.toolResult(response).path("isError").asBoolean(), response.body());

        SpanData http = awaitSpan(span -> span.getName().equals("POST /api/mcp"));
        assertNotEquals(TRACE_ID, http.getTraceId(), "no traceparent header: the HTTP request starts its own trace");
        assertFalse(http.getParentSpanContext().isValid(), "a root span");

        SpanData tool = awaitSpan(span -> span.getName().equals("tools/call list_issues"));
        assertEquals(TRACE_ID, tool.getTraceId());
        assertEquals(PARENT_SPAN_ID, tool.getParentSpanId(), "the _meta context is the tool call's parent");
        assertEquals("2026-07-28", tool.getAttributes().get(OpenTelemetryMcpTracing.MCP_PROTOCOL_VERSION));
        assertEquals(1, tool.getLinks().size(), tool.toString());
        assertEquals(http.getSpanId(), tool.getLinks().getFirst().getSpanContext().getSpanId(),
                "the HTTP request's span is linked");

        assertGrpcCallContinues(tool);
        assertEquals(TRACE_ID, auditTraceId("list_issues"));
    }

    @Test
    void withoutATraceparentTheServerStartsATrace() {
        start(Tracing.exportingTo(spans));
        HttpResponse<String> response = fixture.listIssuesWith("Bearer " + fixture.token);
        assertFalse(FullServerFixture.toolResult(response).path("isError").asBoolean(), response.body());

        SpanData http = awaitSpan(span -> span.getName().equals("POST /api/mcp"));
        assertFalse(http.getParentSpanContext().isValid(), "a root span");
        SpanData tool = awaitSpan(span -> span.getName().equals("tools/call list_issues"));
        assertEquals(http.getTraceId(), tool.getTraceId());
        assertEquals(http.getSpanId(), tool.getParentSpanId());
        assertGrpcCallContinues(tool);
        assertEquals(http.getTraceId(), auditTraceId("list_issues"));
    }

    @Test
    void aFailedToolCallAndARefusedTokenMarkTheirSpansFailed() {
        start(Tracing.exportingTo(spans));
        HttpResponse<String> response = fixture.send(modernToolCall("get_issue", null));
        assertTrue(FullServerFixture.toolResult(response).path("isError").asBoolean(), response.body());
        SpanData tool = awaitSpan(span -> span.getName().equals("tools/call get_issue"));
        assertEquals("tool_error", tool.getAttributes().get(OpenTelemetryMcpTracing.ERROR_TYPE));
        assertEquals("not_found", tool.getAttributes().get(OpenTelemetryMcpTracing.LUCENT_OUTCOME));
        assertEquals(StatusCode.ERROR, tool.getStatus().getStatusCode());

        spans.reset();
        assertEquals(401, fixture.listIssuesWith("Bearer luc_mcp_" + "A".repeat(32)).statusCode());
        SpanData authentication = awaitSpan(span -> span.getName().equals("authentication"));
        assertEquals("401", authentication.getAttributes().get(OpenTelemetryMcpTracing.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, authentication.getStatus().getStatusCode());
        // The refused request's own HTTP span: the first request's may still end after the reset.
        SpanData http = awaitSpan(span -> span.getName().equals("POST /api/mcp")
                && span.getTraceId().equals(authentication.getTraceId()));
        assertEquals(401L, http.getAttributes().get(OpenTelemetryMcpTracing.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(StatusCode.UNSET, http.getStatus().getStatusCode(), "a 4xx is the client's error");
    }

    @Test
    void withTracingOffTheAuditLineStillNamesTheCallersTrace() {
        start(Tracing.off());
        fixture.send(withHeader(fixture.listIssues("Bearer " + fixture.token), "traceparent", TRACEPARENT));
        assertEquals(TRACE_ID, auditTraceId("list_issues"));

        auditLines.clear();
        fixture.listIssuesWith("Bearer " + fixture.token);
        assertNull(auditTraceId("list_issues"), "no trace, no id");
    }

    private void start(Tracing tracing) {
        fixture = FullServerFixture.start(dataDir, DataEndpoints.allAt(Optional.empty(),
                new DataChannelSecurity.Plaintext(), Duration.ofSeconds(10)), RateLimits.DEFAULTS, tracing);
    }

    /** The gRPC client span is the tool call's child, and the sample backend's server span the client span's. */
    private void assertGrpcCallContinues(SpanData tool) {
        SpanData client = awaitSpan(span -> span.getKind() == SpanKind.CLIENT && isGrpc(span));
        assertEquals(tool.getTraceId(), client.getTraceId());
        assertEquals(tool.getSpanId(), client.getParentSpanId());
        assertTrue(client.getName().startsWith("lucent.data.v1.IssueService/"), client.getName());
        SpanData backend = awaitSpan(span -> span.getKind() == SpanKind.SERVER && isGrpc(span));
        assertEquals(tool.getTraceId(), backend.getTraceId(), "the data service receives the same trace");
        assertEquals(client.getSpanId(), backend.getParentSpanId());
        assertTrue(backend.getParentSpanContext().isRemote());
    }

    private static boolean isGrpc(SpanData span) {
        return "grpc".equals(span.getAttributes().get(RPC_SYSTEM)) || "grpc".equals(span.getAttributes().get(RPC_SYSTEM_NAME));
    }

    /** Spans end as their work ends, some after the answer was sent: wait for the one wanted. */
    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no such span among " + spans.getFinishedSpanItems());
    }

    /** The trace id of the audit line of the one call of {@code tool}; null when it has none. */
    private String auditTraceId(String tool) {
        List<JsonNode> lines = auditLines.stream().map(TracingTest::parse)
                .filter(line -> tool.equals(line.path("tool").textValue())).toList();
        assertEquals(1, lines.size(), auditLines.toString());
        assertTrue(lines.getFirst().has("trace_id"), lines.getFirst().toString());
        return lines.getFirst().path("trace_id").textValue();
    }

    private HttpRequest modernToolCall(String tool, String traceparent) {
        ObjectNode params = JSON.createObjectNode().put("name", tool);
        ObjectNode arguments = params.putObject("arguments");
        if (tool.equals("get_issue")) {
            arguments.put("id", UNKNOWN_ISSUE);
        }
        ObjectNode meta = params.putObject("_meta");
        meta.put(RequestRevision.VERSION_KEY, "2026-07-28");
        meta.putObject(RequestRevision.CAPABILITIES_KEY);
        meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "test").put("version", "1");
        if (traceparent != null) {
            meta.put("traceparent", traceparent);
        }
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
        body.set("params", params);
        return HttpRequest.newBuilder(fixture.mcpUri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + fixture.token)
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private static HttpRequest withHeader(HttpRequest request, String name, String value) {
        return HttpRequest.newBuilder(request, (n, v) -> true).header(name, value).build();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
