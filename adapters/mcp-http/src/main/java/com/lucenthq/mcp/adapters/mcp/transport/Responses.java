package com.lucenthq.mcp.adapters.mcp.transport;

import com.lucenthq.mcp.adapters.mcp.protocol.Reply;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** How answers go on the wire: a protocol {@link Reply} as JSON or as a one-event stream, and plain-text refusals. */
final class Responses {

    private static final HeaderName ACCEL_BUFFERING = HeaderNames.create("X-Accel-Buffering");
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final byte[] EVENT_PREFIX = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_SUFFIX = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private Responses() {
    }

    /**
     * A reply in the format the client accepts: 202 without a body when there is nothing to answer, a successful
     * answer as an event stream when the client accepts only that, anything else as JSON with its status.
     */
    static void send(ServerResponse response, Reply reply, ResponseFormat format) {
        if (!reply.hasBody()) {
            response.status(Status.ACCEPTED_202).send();
        } else if (format == ResponseFormat.EVENT_STREAM && reply.isOk()) {
            sendEvent(response, reply.utf8());
        } else {
            sendJson(response, status(reply.status()), reply.utf8());
        }
    }

    static void sendJson(ServerResponse response, Status status, byte[] json) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(json);
    }

    /** One JSON-RPC response as a one-event stream, for a client that accepts only {@code text/event-stream}. */
    private static void sendEvent(ServerResponse response, byte[] data) {
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, EVENT_STREAM);
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        response.header(ACCEL_BUFFERING, "no");
        byte[] event = new byte[EVENT_PREFIX.length + data.length + EVENT_SUFFIX.length];
        System.arraycopy(EVENT_PREFIX, 0, event, 0, EVENT_PREFIX.length);
        System.arraycopy(data, 0, event, EVENT_PREFIX.length, data.length);
        System.arraycopy(EVENT_SUFFIX, 0, event, EVENT_PREFIX.length + data.length, EVENT_SUFFIX.length);
        response.send(event);
    }

    /** A status, and the methods to use instead when there are any, with no entity at all. */
    static void withoutBody(ServerResponse response, Status status, String allow) {
        if (allow != null) {
            response.header(HeaderNames.ALLOW, allow);
        }
        response.status(status).send();
    }

    static void plain(ServerResponse response, Status status, String message) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send(message);
    }

    private static Status status(int code) {
        return switch (code) {
            case 200 -> Status.OK_200;
            case 400 -> Status.BAD_REQUEST_400;
            case 404 -> Status.NOT_FOUND_404;
            default -> Status.create(code);
        };
    }
}
