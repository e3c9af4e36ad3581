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

    void toolCall(Principal principal, String tool, ToolOutcome outcome, long nanos) {
        if (!AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        AUDIT.info(json.createObjectNode()
                .put("event", "tool_call")
                .put("time", Instant.now().toString())
                .put("trace_id", tracing.currentTraceId().orElse(null))
                .put("org", principal.org().value())
                .put("token_id", principal.tokenId().toString())
                .put("tool", tool)
                .put("outcome", outcome.label())
                .put("duration_ms", nanos / 1_000_000)
                .toString());
    }

    /** A {@code resources/read}; {@code uri} is null when it was not one this server serves (it is not echoed). */
    void resourceRead(Principal principal, String uri, ToolOutcome outcome, long nanos) {
        if (!AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        AUDIT.info(json.createObjectNode()
                .put("event", "resource_read")
                .put("time", Instant.now().toString())
                .put("trace_id", tracing.currentTraceId().orElse(null))
                .put("org", principal.org().value())
                .put("token_id", principal.tokenId().toString())
                .put("uri", uri)
                .put("outcome", outcome.label())
                .put("duration_ms", nanos / 1_000_000)
                .toString());
    }
}
