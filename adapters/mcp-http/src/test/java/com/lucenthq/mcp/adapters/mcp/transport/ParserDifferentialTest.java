package com.lucenthq.mcp.adapters.mcp.transport;

import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.CLIENT;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.TOKEN_A;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies that a proxy or firewall could read differently from us are refused as a parse error (-32700), against a
 * real Helidon server: a duplicate member name at any depth, and anything after the first JSON value.
 */
class ParserDifferentialTest {

    private static McpTestServer server;

    @BeforeAll
    static void start() {
        server = new McpTestServer(McpTestServer.NO_LIMITS, new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_issue\",\"name\":\"list_issues\",\"arguments\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\",\"arguments\":{\"limit\":1,\"limit\":100}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} 1",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}] []"
    })
    void duplicateMembersAndTrailingValuesAreAParseError(String body) throws Exception {
        HttpResponse<String> response = server.post(CLIENT, body, TOKEN_A);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(-32700, new ObjectMapper().readTree(response.body()).path("error").path("code").intValue(),
                response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\r\n \t"})
    void aSingleValueWithTrailingWhitespaceIsStillAccepted(String body) throws Exception {
        assertEquals(200, server.post(CLIENT, body, TOKEN_A).statusCode());
    }
}
