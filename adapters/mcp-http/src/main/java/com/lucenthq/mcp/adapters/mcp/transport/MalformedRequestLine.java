package com.lucenthq.mcp.adapters.mcp.transport;

import io.helidon.http.DirectHandler;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers 400, not 500, to a request line Helidon fails to parse. Helidon 4.5.0 validates the method with
 * {@code HttpToken.validate}, whose IllegalArgumentException for a non-ASCII byte, a control character or a separator
 * (e.g. {@code P\u00d6ST /api/mcp HTTP/1.1}) escapes its parser and is answered as an internal error. Such an error
 * comes with no request at all (no method is known yet), which tells it from an internal error of a parsed request:
 * those keep Helidon's 500. Install with {@link #handlers()} on every listener.
 */
public final class MalformedRequestLine implements DirectHandler {

    private MalformedRequestLine() {
    }

    /** Helidon's direct handlers, with this one for internal errors. */
    public static DirectHandlers handlers() {
        return DirectHandlers.builder().addHandler(EventType.INTERNAL_ERROR, new MalformedRequestLine()).build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        if (eventType == EventType.INTERNAL_ERROR && request.method().isEmpty()) {
            return TransportResponse.builder()
                    .status(Status.BAD_REQUEST_400)
                    .headers(responseHeaders)
                    .keepAlive(false)
                    .entity("Bad request: the request line is malformed.")
                    .build();
        }
        return DirectHandler.defaultHandler().handle(request, eventType, defaultStatus, responseHeaders, message);
    }
}
