package com.lucenthq.mcp.adapters.mcp;

/** A JSON-RPC error to answer with: the request was wrong, not the server. */
final class JsonRpcException extends RuntimeException {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;

    private final int code;

    JsonRpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(INVALID_PARAMS, message);
    }

    int code() {
        return code;
    }
}
