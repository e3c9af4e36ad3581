package com.lucenthq.mcp.adapters.mcp.transport;

import io.helidon.http.HeaderName;
import io.helidon.http.Headers;
import java.util.List;
import java.util.Optional;

/**
 * The headers that must mirror the body ({@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code Mcp-Name}) are
 * checked on their first copy; a second copy with another value would let a proxy that reads the last one route or
 * authorize a different request than the one answered, so such a request is refused before its body is read.
 */
final class MirroredHeaderCopies {

    private MirroredHeaderCopies() {
    }

    /** A message naming the first header sent twice with different values, if any. */
    static Optional<String> conflicting(Headers headers, HeaderName... names) {
        for (HeaderName name : names) {
            List<String> values = headers.all(name, List::of);
            if (values.stream().distinct().count() > 1) {
                return Optional.of("Invalid Request: the " + name.defaultCase() + " header is sent " + values.size()
                        + " times with different values; send it once");
            }
        }
        return Optional.empty();
    }
}
