package com.lucenthq.mcp.adapters.mcp.protocol;

import java.util.Locale;

/** How a tool call ended, as written in the audit log and the {@code outcome} metric label. */
enum ToolOutcome {
    OK,
    INVALID_ARGUMENTS,
    NOT_FOUND,
    BACKEND_UNAVAILABLE,
    ERROR;

    private final String label = name().toLowerCase(Locale.ROOT);

    String label() {
        return label;
    }

    /**
     * The OpenTelemetry MCP convention's {@code error.type}: the JSON-RPC error code of an error answer,
     * {@code tool_error} for a result with {@code isError}, null for success.
     */
    String errorType() {
        return switch (this) {
            case OK -> null;
            case INVALID_ARGUMENTS -> Integer.toString(JsonRpcException.INVALID_PARAMS);
            case NOT_FOUND, BACKEND_UNAVAILABLE, ERROR -> "tool_error";
        };
    }
}
