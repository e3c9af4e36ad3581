package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a 2025-03-26 JSON-RPC batch costs against the per-token limit: one permit per request in it (a message with a
 * method and an id, e.g. each {@code tools/call}), so that a batch of 20 calls counts as 20 requests, not one.
 * Notifications and responses cost nothing, as they do alone.
 */
public final class BatchCost {

    private BatchCost() {
    }

    /**
     * The permits to take beyond the one the HTTP request itself already took: none for a single message, or for an
     * array that {@link McpProtocol} refuses whole for its size.
     */
    public static int permitsBeyondTheRequest(JsonNode body) {
        if (body == null || !body.isArray() || body.size() > McpProtocol.MAX_BATCH) {
            return 0;
        }
        int requests = 0;
        for (JsonNode message : body) {
            if (message.isObject() && message.has("method") && message.hasNonNull("id")) {
                requests++;
            }
        }
        return Math.max(0, requests - 1);
    }
}
