package com.lucenthq.mcp.adapters.mcp.tools;

/** A tool call whose arguments the tool cannot use; the message names the argument and the rule it broke. */
public final class ToolArgumentException extends RuntimeException {

    ToolArgumentException(String message) {
        super(message, null, false, false);
    }
}
