package com.lucenthq.mcp.adapters.mcp.transport;

import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.CLIENT;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.TOKEN_A;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucenthq.mcp.adapters.mcp.transport.RateLimits.Rate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-token limit counts every request inside a 2025-03-26 batch, against a real Helidon server. */
class BatchRateLimitTest {

    private McpTestServer server;

    @BeforeEach
    void start() {
        server = new McpTestServer(new RateLimits(Optional.of(Rate.perMinute(1, 6)), Optional.empty(), Optional.empty(),
                1000), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachCallInABatchSpendsAPermitOfTheToken() throws Exception {
        assertEquals(200, batch(5).statusCode(), "five calls within a burst of six");
        HttpResponse<String> next = batch(2);
        assertEquals(429, next.statusCode(), "one permit left, two calls: " + next.body());
        assertEquals(429, server.ping(CLIENT, TOKEN_A).statusCode(), "the HTTP request of the refused batch took the last");
    }

    @Test
    void aBatchNeedingMoreThanTheBurstIsRefusedWhole() throws Exception {
        assertEquals(429, batch(7).statusCode());
        assertEquals(200, batch(5).statusCode(), "the refused batch spent only its HTTP request's permit");
        assertEquals(429, server.ping(CLIENT, TOKEN_A).statusCode());
    }

    private HttpResponse<String> batch(int calls) throws Exception {
        String body = IntStream.range(0, calls).mapToObj(i -> "{\"jsonrpc\":\"2.0\",\"id\":" + i
                        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\",\"arguments\":{}}}")
                .collect(Collectors.joining(",", "[", "]"));
        return CLIENT.send(server.request(body, TOKEN_A).header("MCP-Protocol-Version", "2025-03-26").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
