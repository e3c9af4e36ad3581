package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A backend that is down costs one log line per failed tool call, with a stack trace at most once per cause. */
class BackendFailureLogTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger methods = Logger.getLogger("com.lucenthq.mcp.adapters.mcp.protocol.ToolCalls");
    private McpTestServer server;

    @BeforeEach
    void start() {
        methods.addHandler(capture);
        server = new McpTestServer(McpTestServer.NO_LIMITS, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.close();
        methods.removeHandler(capture);
    }

    @Test
    void eachFailureIsOneLineWithTheServiceAndStatusAndTheStackTraceComesOnce() throws Exception {
        String status = "UNAVAILABLE_" + UUID.randomUUID().toString().replace("-", "");
        server.backendDown.set(true);
        for (int i = 0; i < 5; i++) {
            server.backendCause.set(new IllegalStateException(status + ": io exception, attempt " + i));
            assertTrue(server.callTool(McpTestServer.TOKEN_A, "list_issues", "{}").body().contains("\"isError\":true"));
        }
        assertEquals(5, records.size(), "one record per failed call");
        for (LogRecord record : records) {
            assertTrue(record.getMessage().contains("issue service is unavailable"), "names the service: " + record.getMessage());
            assertTrue(record.getMessage().contains(status), "names the status: " + record.getMessage());
            assertTrue(record.getMessage().lines().count() == 1, record.getMessage());
        }
        assertNotNull(records.get(0).getThrown(), "the first failure of this kind carries its stack trace");
        for (LogRecord record : records.subList(1, 5)) {
            assertNull(record.getThrown(), "later ones within the minute do not");
        }
    }
}
