package com.lucenthq.mcp.adapters.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a 2025-03-26 JSON-RPC batch costs against the per-token limit: one permit per request in it (a message with a
 * method and an id, e.g. each {@code tools/call}), so that a batch of 20 calls counts as 20 requests, not one.
 * Notifications and responses cost nothing, as they do alone.
 */
final class BatchCost {

    private BatchCost() {
    }

    /** The permits to take beyond the one the HTTP request itself already took. */
    static int permitsBeyondTheRequest(JsonNode batch) {
        int requests = 0;
        for (JsonNode message : batch) {
            if (message.isObject() && message.has("method") && message.hasNonNull("id")) {
                requests++;
            }
        }
        return Math.max(0, requests - 1);
    }
}
