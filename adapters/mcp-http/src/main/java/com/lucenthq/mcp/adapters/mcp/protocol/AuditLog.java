package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.domain.token.Principal;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who called which tool or read which resource, one JSON object per line on the {@value #LOGGER} logger, for log pipelines to parse.
 * Jackson writes the line, so every value is escaped and the line never breaks. It names the token by its id, never
 * the token itself.
 */
public final class AuditLog {

    public static final String LOGGER = "com.lucenthq.mcp.audit";
    private static final Logger AUDIT = Logger.getLogger(LOGGER);

    private final ObjectMapper json;
    private final McpTracing tracing;

    AuditLog(ObjectMapper json, McpTracing tracing) {
        this.json = json;
        this.tracing = tracing;
    }

    /** What an audit line records, and the name of the field that says what was used. */
    enum Event {
        TOOL_CALL("tool_call", "tool"),
        /** Its subject is null when the URI was not one this server serves: the client's text is not echoed. */
        RESOURCE_READ("resource_read", "uri");

        private final String name;
        private final String subjectField;

        Event(String name, String subjectField) {
            this.name = name;
            this.subjectField = subjectField;
        }
    }

    /** One line: who ({@code principal}) used what ({@code subject}: a tool's name, a URI), how it ended, how long. */
    void record(Event event, Principal principal, String subject, ToolOutcome outcome, long nanos) {
        if (!AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        AUDIT.info(json.createObjectNode()
                .put("event", event.name)
                .put("time", Instant.now().toString())
                .put("trace_id", tracing.currentTraceId().orElse(null))
                .put("org", principal.org().value())
                .put("token_id", principal.tokenId().toString())
                .put(event.subjectField, subject)
                .put("outcome", outcome.label())
                .put("duration_ms", nanos / 1_000_000)
                .toString());
    }
}
