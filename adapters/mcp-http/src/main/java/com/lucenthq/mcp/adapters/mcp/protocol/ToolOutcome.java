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
     * {@code tool_error} for a result with {@code isError}, null for success. Bad arguments are a result with
     * {@code isError} when {@code argumentsAsToolErrors} (2025-11-25 and later), a -32602 before.
     */
    String errorType(boolean argumentsAsToolErrors) {
        return switch (this) {
            case OK -> null;
            case INVALID_ARGUMENTS -> argumentsAsToolErrors ? "tool_error" : Integer.toString(JsonRpcException.INVALID_PARAMS);
            case NOT_FOUND, BACKEND_UNAVAILABLE, ERROR -> "tool_error";
        };
    }
}
