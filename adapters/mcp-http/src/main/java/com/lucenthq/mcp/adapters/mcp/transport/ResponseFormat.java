package com.lucenthq.mcp.adapters.mcp.transport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a JSON-RPC response goes back: a JSON object, or a stream of one event for a client that accepts only
 * {@code text/event-stream}. Both are what the streamable HTTP transport allows; JSON is preferred because this
 * server sends nothing before the response.
 */
enum ResponseFormat {
    JSON, EVENT_STREAM;

    /** The format the {@code Accept} header values allow, JSON first; all formats when there is no header. */
    static Optional<ResponseFormat> accepted(List<String> acceptHeaders) {
        if (acceptHeaders.isEmpty()) {
            return Optional.of(JSON);
        }
        boolean eventStream = false;
        for (String header : acceptHeaders) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";", -1);
                if (refused(parts)) {
                    continue;
                }
                String type = parts[0].strip().toLowerCase(Locale.ROOT);
                if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
                    return Optional.of(JSON);
                }
                eventStream |= type.equals("text/event-stream") || type.equals("text/*");
            }
        }
        return eventStream ? Optional.of(EVENT_STREAM) : Optional.empty();
    }

    /** A media range with {@code q=0} is one the client does not accept. */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
