package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.adapters.mcp.protocol.JsonRpcException;
import com.lucenthq.mcp.adapters.mcp.protocol.RequestRevision;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2026-07-28 revision over raw HTTP on a real server: no handshake, {@code _meta} on every request, headers that
 * must mirror the body, its error codes and statuses, and result fields; and the handshake revisions beside it.
 */
class PerRequestMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODERN = "2026-07-28";
    private static McpTestServer server;

    @BeforeAll
    static void start() {
        server = new McpTestServer(McpTestServer.NO_LIMITS, new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void discoverNeedsNoHandshakeAndTellsVersionsCapabilitiesAndIdentity() throws Exception {
        JsonNode result = ok(modern("server/discover", null, null)).get("result");
        assertEquals("complete", result.path("resultType").asText());
        assertEquals(List.of(MODERN, "2025-11-25", "2025-06-18", "2025-03-26"),
                JSON.convertValue(result.get("supportedVersions"), List.class));
        assertTrue(result.path("capabilities").path("tools").isObject());
        assertTrue(result.path("capabilities").path("resources").isObject());
        assertFalse(result.path("capabilities").has("logging"), "logging is deprecated and setLevel gone in " + MODERN);
        assertEquals("lucent-mcp", result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asText());
        assertCacheable(result);
    }

    @Test
    void listsAndReadsCarryCachingHintsAndEveryResultIsComplete() throws Exception {
        for (String method : List.of("tools/list", "resources/list", "resources/templates/list")) {
            JsonNode result = ok(modern(method, null, null)).get("result");
            assertEquals("complete", result.path("resultType").asText(), method);
            assertCacheable(result);
        }
        JsonNode tools = ok(modern("tools/list", null, null)).get("result");
        assertEquals(ToolCatalogue.all().size(), tools.get("tools").size());
        JsonNode call = ok(modern("tools/call", params().put("name", "list_issues").set("arguments",
                JSON.createObjectNode()), "list_issues")).get("result");
        assertEquals("complete", call.path("resultType").asText());
        assertFalse(call.path("isError").asBoolean(true));
        assertFalse(call.has("ttlMs"), "a tool call is not cacheable");
    }

    @Test
    void theHandshakeRevisionsKeepTheirShapes() throws Exception {
        HttpResponse<String> legacy = send(server.request(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", McpTestServer.TOKEN_A)
                .header("MCP-Protocol-Version", "2025-11-25"));
        JsonNode result = JSON.readTree(legacy.body()).get("result");
        assertFalse(result.has("resultType"));
        assertFalse(result.has("ttlMs"));
        assertEquals(ToolCatalogue.all().size(), result.get("tools").size());
        JsonNode notFound = JSON.readTree(send(server.request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\","
                + "\"params\":{\"uri\":\"lucent://issues/87b3a6b6-5af5-438b-a39c-eff148a68ccb\"}}", McpTestServer.TOKEN_A)
                .header("MCP-Protocol-Version", "2025-11-25")).body());
        assertEquals(JsonRpcException.RESOURCE_NOT_FOUND, notFound.path("error").path("code").asInt());
    }

    @Test
    void aMissingResourceIsInvalidParamsIn20260728() throws Exception {
        String uri = "lucent://issues/87b3a6b6-5af5-438b-a39c-eff148a68ccb";
        HttpResponse<String> response = modern("resources/read", params().put("uri", uri), uri);
        assertEquals(200, response.statusCode());
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertEquals(JsonRpcException.INVALID_PARAMS, error.path("code").asInt());
        assertEquals(uri, error.path("data").path("uri").asText());
    }

    @Test
    void headersThatDoNotMirrorTheBodyAreHeaderMismatch() throws Exception {
        String call = body("tools/call", params().put("name", "list_issues"));
        assertRefused(withHeaders(call, MODERN, null, "list_issues"), RequestRevision.HEADER_MISMATCH);
        assertRefused(withHeaders(call, MODERN, "tools/list", "list_issues"), RequestRevision.HEADER_MISMATCH);
        assertRefused(withHeaders(call, MODERN, "tools/call", null), RequestRevision.HEADER_MISMATCH);
        assertRefused(withHeaders(call, MODERN, "tools/call", "get_issue"), RequestRevision.HEADER_MISMATCH);
        assertRefused(withHeaders(call, MODERN, "tools/call", "=?base64?not base64!?="), RequestRevision.HEADER_MISMATCH);
        assertRefused(withHeaders(call, null, "tools/call", "list_issues"), RequestRevision.HEADER_MISMATCH);
        assertRefused(withHeaders(call, "2025-11-25", "tools/call", "list_issues"), RequestRevision.HEADER_MISMATCH);
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("list_issues".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertEquals(200, send(withHeaders(call, MODERN, "tools/call", encoded)).statusCode());
        assertEquals(200, send(withHeaders(call, MODERN, "tools/call", "list_issues")).statusCode());
    }

    @Test
    void anUnsupportedVersionNamesTheSupportedOnes() throws Exception {
        String body = body("tools/list", params(), "1900-01-01");
        HttpResponse<String> response = send(withHeaders(body, "1900-01-01", "tools/list", null));
        JsonNode error = assertRefused(response, RequestRevision.UNSUPPORTED_PROTOCOL_VERSION);
        assertEquals(1, JSON.readTree(response.body()).path("id").asInt(), "the error answers the request's id");
        assertEquals("1900-01-01", error.path("data").path("requested").asText());
        assertRefused(withHeaders(body("tools/list", params()), "1900-01-01", "tools/list", null),
                RequestRevision.HEADER_MISMATCH);
        assertEquals(MODERN, error.path("data").path("supported").path(0).asText());
        JsonNode headerOnly = assertRefused(send(server.request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                McpTestServer.TOKEN_A).header("MCP-Protocol-Version", "2024-11-05")), RequestRevision.UNSUPPORTED_PROTOCOL_VERSION);
        assertEquals("2024-11-05", headerOnly.path("data").path("requested").asText());
    }

    @Test
    void missingRequiredMetadataIsInvalidParams() throws Exception {
        ObjectNode withoutCapabilities = params();
        ((ObjectNode) withoutCapabilities.get("_meta")).remove(RequestRevision.CAPABILITIES_KEY);
        assertRefused(withHeaders(body("tools/list", withoutCapabilities), MODERN, "tools/list", null),
                JsonRpcException.INVALID_PARAMS);
        assertRefused(withHeaders("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", MODERN, "tools/list", null),
                JsonRpcException.INVALID_PARAMS);
        ObjectNode badLevel = params();
        ((ObjectNode) badLevel.get("_meta")).put(RequestRevision.LOG_LEVEL_KEY, "verbose");
        assertRefused(withHeaders(body("tools/list", badLevel), MODERN, "tools/list", null), JsonRpcException.INVALID_PARAMS);
        ((ObjectNode) badLevel.get("_meta")).put(RequestRevision.LOG_LEVEL_KEY, "debug");
        assertEquals(200, send(withHeaders(body("tools/list", badLevel), MODERN, "tools/list", null)).statusCode());
    }

    @Test
    void unknownAndRemovedMethodsAre404MethodNotFound() throws Exception {
        for (String method : List.of("sampling/createMessage", "initialize", "ping", "logging/setLevel", "subscriptions/listen")) {
            HttpResponse<String> response = modern(method, null, null);
            assertEquals(404, response.statusCode(), method);
            assertEquals(JsonRpcException.METHOD_NOT_FOUND, JSON.readTree(response.body()).path("error").path("code").asInt());
        }
        HttpResponse<String> legacy = server.post(McpTestServer.CLIENT,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sampling/createMessage\"}", McpTestServer.TOKEN_A);
        assertEquals(200, legacy.statusCode(), "handshake revisions answer an unknown method with 200 and -32601");
    }

    @Test
    void aNotificationIsAccepted() throws Exception {
        String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}";
        assertEquals(202, send(withHeaders(notification, MODERN, "notifications/cancelled", null)).statusCode());
    }

    @Test
    void aClientThatAcceptsOnlyAnEventStreamGetsOneEvent() throws Exception {
        for (String accept : List.of("text/event-stream", "application/json;q=0, text/event-stream")) {
            HttpResponse<String> response = send(withHeaders(body("server/discover", params()), MODERN, "server/discover", null)
                    .setHeader("Accept", accept));
            assertEquals(200, response.statusCode());
            assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().startsWith("event: message\ndata: "), response.body());
            assertTrue(response.body().endsWith("\n\n"));
            JsonNode message = JSON.readTree(response.body().substring("event: message\ndata: ".length()));
            assertEquals("complete", message.path("result").path("resultType").asText());
        }
        HttpResponse<String> neither = send(withHeaders(body("server/discover", params()), MODERN, "server/discover", null)
                .setHeader("Accept", "text/html"));
        assertEquals(406, neither.statusCode());
    }

    private static void assertCacheable(JsonNode result) {
        assertTrue(result.path("ttlMs").isIntegralNumber() && result.path("ttlMs").asLong() >= 0, result.toString());
        assertEquals("private", result.path("cacheScope").asText(), "every answer is behind one org's token");
    }

    private static JsonNode assertRefused(HttpRequest.Builder request, int code) throws Exception {
        return assertRefused(send(request), code);
    }

    private static JsonNode assertRefused(HttpResponse<String> response, int code) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertEquals(code, error.path("code").asInt(), response.body());
        return error;
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode message = JSON.readTree(response.body());
        assertFalse(message.has("error"), response.body());
        return message;
    }

    /** A well-formed 2026-07-28 request: body with {@code _meta}, and the headers that mirror it. */
    private static HttpResponse<String> modern(String method, ObjectNode params, String name) throws Exception {
        return send(withHeaders(body(method, params == null ? params() : params), MODERN, method, name));
    }

    private static ObjectNode params() {
        ObjectNode params = JSON.createObjectNode();
        ObjectNode meta = params.putObject("_meta");
        meta.put(RequestRevision.VERSION_KEY, MODERN);
        meta.putObject(RequestRevision.CAPABILITIES_KEY);
        meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "test").put("version", "1");
        return params;
    }

    private static String body(String method, ObjectNode params) {
        return body(method, params, MODERN);
    }

    private static String body(String method, ObjectNode params, String version) {
        ((ObjectNode) params.get("_meta")).put(RequestRevision.VERSION_KEY, version);
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        body.set("params", params);
        return body.toString();
    }

    private static HttpRequest.Builder withHeaders(String body, String version, String method, String name) {
        HttpRequest.Builder request = server.request(body, McpTestServer.TOKEN_A);
        if (version != null) {
            request.header("MCP-Protocol-Version", version);
        }
        if (method != null) {
            request.header("Mcp-Method", method);
        }
        if (name != null) {
            request.header("Mcp-Name", name);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return McpTestServer.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
