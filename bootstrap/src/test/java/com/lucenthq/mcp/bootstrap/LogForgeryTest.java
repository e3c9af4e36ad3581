package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log forgery, with the bundled {@code logging.properties} in force and standard error captured: a client-controlled
 * value holding a line break and a JSON audit record stays on its own log line, escaped, and the only lines that look
 * like audit records are those the audit logger wrote.
 */
class LogForgeryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGED = "{\"event\":\"tool_call\",\"time\":\"2026-12-04T00:00:00Z\",\"org\":\"globex\","
            + "\"token_id\":\"00000000-0000-0000-0000-000000000000\",\"tool\":\"list_issues\",\"outcome\":\"ok\","
            + "\"duration_ms\":1}";

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalStderr;

    @BeforeEach
    void bundledLoggingToCapturedStderr() throws IOException {
        originalStderr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        // reset, then update: unlike readConfiguration, updateConfiguration also gives loggers that already exist
        // (earlier tests created the audit logger) the handlers the file names, as a fresh JVM would.
        LogManager.getLogManager().reset();
        try (InputStream properties = LucentMcp.class.getResourceAsStream("/logging.properties")) {
            LogManager.getLogManager().updateConfiguration(properties, key -> (before, after) -> after);
        }
    }

    @AfterEach
    void restoreLogging() throws IOException {
        LogManager.getLogManager().readConfiguration();
        System.setErr(originalStderr);
    }

    @Test
    void aValueWithLineBreaksStaysOnItsLineAndOnlyTheAuditLoggerWritesAuditLines() throws IOException {
        try (FullServerFixture fixture = FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5),
                FullServerFixture.NO_LIMITS)) {
            // What the admin API logs for a request to POST /admin/api/tokens/x%0A{…}%0A/revoke, and an exception
            // message carrying the same: both client-controlled.
            Logger.getLogger("com.lucenthq.mcp.adapters.admin.AdminHttpService").warning("Admin API POST /admin/api/tokens/x\n"
                    + FORGED + "\n/revoke: the token store is unavailable");
            Logger.getLogger("com.lucenthq.mcp.adapters.mcp.protocol.McpProtocol").log(Level.SEVERE, "MCP method x\r\n" + FORGED
                    + " failed", new IllegalStateException("bad value\n" + FORGED + "\u2028" + FORGED));
            FullServerFixture.toolResult(fixture.listIssuesWith("Bearer " + fixture.token));
        }
        System.err.flush();
        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> jsonLines = lines.stream().filter(line -> line.startsWith("{")).toList();
        assertEquals(1, jsonLines.size(), "one audit line, for the one tool call: " + lines);
        JsonNode audit = JSON.readTree(jsonLines.getFirst());
        assertEquals("tool_call", audit.path("event").textValue());
        assertEquals("acme", audit.path("org").textValue(), "the audit line is the real call's");
        for (String line : lines) {
            assertTrue(line.startsWith("{") || line.matches("^\\d{4}-\\d\\d-\\d\\dT.*") || line.startsWith("\tat ")
                    || line.startsWith("Exception: ") || line.startsWith("Caused by: "), "every other line starts with its time or is a stack frame: " + line);
            assertTrue(!line.contains("\u2028"), "no line separator inside a line: " + line);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("/admin/api/tokens/x\\n{\\\"event\\\"")
                        || line.contains("/admin/api/tokens/x\\n{\"event\"")),
                "the forged value is logged escaped, on the line of its record: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.contains("bad value\\n{")), "exception messages are escaped too");
    }
}
