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
}
