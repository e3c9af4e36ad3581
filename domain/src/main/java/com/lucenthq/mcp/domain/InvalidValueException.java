package com.lucenthq.mcp.domain;

/**
 * A value from outside (an argument, a header, a stored row) broke a domain rule. The one
 * validation failure of the domain: inbound adapters map it to their "bad input" answer
 * (JSON-RPC -32602 on the MCP side), naming {@link #field()}.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidValueException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The name of the offending field or argument, e.g. {@code limit}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, phrased to follow the field name, e.g. {@code must be between 1 and 100}. */
    public String problem() {
        return problem;
    }
}
