package com.lucenthq.mcp.bootstrap;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Closes the connection after an answer that left the request's body unread, or that said {@code Connection: close}.
 *
 * <p>Helidon 4.5 (up to its main branch at the time of writing) answers a chunked body found over the size limit
 * while a handler reads it with 413 and {@code Connection: close}, then goes on reading the same connection where it
 * stopped: whatever the rest of the chunk holds is parsed as the next request (request smuggling, see ADR 0007). A
 * refusal that never read the body (401, 403, 429, 404…) leaves Helidon to drain the body by its declared framing,
 * which a hostile client controls. Either way nothing more is read: such an answer says {@code Connection: close}, so
 * that the client does not reuse the connection, and this filter ends it once the answer is written. Registered on
 * every listener's routing.
 */
final class CloseAfterRefusal implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        response.beforeSend(() -> {
            if (request.content().hasEntity() && !request.content().consumed()) {
                response.header(HeaderValues.CONNECTION_CLOSE);
            }
        });
        chain.proceed();
        if (response.isSent() && response.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            throw new CloseConnectionException("Answered with Connection: close; nothing more is read");
        }
    }
}
