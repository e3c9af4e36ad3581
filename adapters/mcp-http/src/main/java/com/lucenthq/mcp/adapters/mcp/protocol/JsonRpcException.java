package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A JSON-RPC error to answer with: the request was wrong, not the server. */
public final class JsonRpcException extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP's code for a resource that does not exist (specification 2025-11-25, server/resources). */
    public static final int RESOURCE_NOT_FOUND = -32002;

    private final int code;
    private final JsonNode data;

    JsonRpcException(int code, String message) {
        this(code, message, null);
    }

    /** With the error's {@code data} member, or none when {@code data} is null. */
    JsonRpcException(int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(INVALID_PARAMS, message);
    }

    int code() {
        return code;
    }

    Optional<JsonNode> data() {
        return Optional.ofNullable(data);
    }
}
