package com.lucenthq.mcp.adapters.mcp.tools;

/** A tool call that was understood but cannot be answered; becomes a result with {@code isError: true}. */
public final class ToolFailure extends RuntimeException {

    ToolFailure(String messageForAgent) {
        super(messageForAgent, null, false, false);
    }

    static ToolFailure notFound(String kind, Object id, String listTool) {
        return new ToolFailure("No " + kind + " with id " + id + " exists in this organization. Use " + listTool
                + " to find valid ids.");
    }
}
