package com.lucenthq.mcp.adapters.mcp.transport;

import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.PRINCIPAL_A;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.TOKEN_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit line of each tool call, as a log pipeline would read it. */
class AuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Held here: JUL keeps loggers only weakly, and a collected logger would drop the handler. */
    private final Logger audit = Logger.getLogger("com.lucenthq.mcp.audit");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private McpTestServer server;

    @BeforeEach
    void start() {
        audit.addHandler(capture);
        server = new McpTestServer(McpTestServer.NO_LIMITS, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.close();
        audit.removeHandler(capture);
    }

    @Test
    void eachToolCallIsOneJsonObjectWithoutTheToken() throws Exception {
        Instant before = Instant.now();
        server.callTool(TOKEN_A, "list_issues", "{}");
        server.callTool(TOKEN_A, "get_issue", "{\"id\":\"" + UUID.randomUUID() + "\"}");

        List<String> lines;
        synchronized (records) {
            lines = records.stream().map(LogRecord::getMessage).toList();
        }
        assertEquals(2, lines.size(), lines.toString());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(Set.of("event", "time", "trace_id", "org", "token_id", "tool", "outcome", "duration_ms"),
                fieldNames(first));
        assertEquals("tool_call", first.get("event").textValue());
        assertFalse(Instant.parse(first.get("time").textValue()).isBefore(before.minusSeconds(1)));
        assertEquals("acme", first.get("org").textValue());
        assertEquals(PRINCIPAL_A.tokenId().toString(), first.get("token_id").textValue());
        assertEquals("list_issues", first.get("tool").textValue());
        assertEquals("ok", first.get("outcome").textValue());
        assertTrue(first.get("duration_ms").isIntegralNumber());
        assertEquals("not_found", JSON.readTree(lines.get(1)).get("outcome").textValue());
        for (String line : lines) {
            assertFalse(line.contains("\n"), "one line per call");
            assertFalse(line.contains("luc_mcp_") || line.contains(TOKEN_A.substring(8)), "never the token");
        }
    }

    @Test
    void eachResourceReadIsOneJsonObjectNamingOnlyAServedUri() throws Exception {
        String uri = "lucent://issues/" + UUID.randomUUID();
        server.post(McpTestServer.CLIENT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\""
                + uri + "\"}}", TOKEN_A);
        server.post(McpTestServer.CLIENT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\""
                + TOKEN_A + "\"}}", TOKEN_A);

        List<String> lines;
        synchronized (records) {
            lines = records.stream().map(LogRecord::getMessage).toList();
        }
        assertEquals(2, lines.size(), lines.toString());
        JsonNode found = JSON.readTree(lines.get(0));
        assertEquals(Set.of("event", "time", "trace_id", "org", "token_id", "uri", "outcome", "duration_ms"),
                fieldNames(found));
        assertEquals("resource_read", found.get("event").textValue());
        assertEquals(uri, found.get("uri").textValue());
        assertEquals("not_found", found.get("outcome").textValue());
        JsonNode refused = JSON.readTree(lines.get(1));
        assertTrue(refused.get("uri").isNull());
        assertEquals("invalid_arguments", refused.get("outcome").textValue());
        assertFalse(lines.get(1).contains(TOKEN_A.substring(8)), "never the client's text");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
