package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.adapters.mcp.tools.SerializedJson;

/**
 * The answer to one HTTP request: the HTTP status it calls for and the JSON-RPC body, none for a notification or a
 * response (202). The transport writes it, as JSON or as a one-event stream.
 *
 * @param status the HTTP status code: 200, 202, 400, or 404 for a 2026-07-28 method that does not exist
 * @param body   a JSON-RPC response or an array of them; null when there is nothing to answer
 */
public record Reply(int status, JsonNode body) {

    static final int OK = 200;
    static final int ACCEPTED = 202;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;

    static final Reply NONE = new Reply(ACCEPTED, null);

    public boolean hasBody() {
        return body != null;
    }

    public boolean isOk() {
        return status == OK;
    }

    /** The body as UTF-8 JSON, as it goes on the wire. */
    public byte[] utf8() {
        return SerializedJson.of(body).utf8();
    }
}
