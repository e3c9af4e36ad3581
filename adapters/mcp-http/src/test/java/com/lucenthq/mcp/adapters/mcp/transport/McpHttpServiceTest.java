package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.adapters.mcp.protocol.McpProtocol;
import com.lucenthq.mcp.adapters.mcp.tools.Fenced;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;
import io.helidon.webserver.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP endpoint on a real Helidon server, driven by a real HTTP client, over use cases that record their calls. */
class McpHttpServiceTest {

    private static final String VALID = "luc_mcp_" + "A".repeat(32);
    private static final String REVOKED = "luc_mcp_" + "R".repeat(32);
    private static final Principal ACME = new Principal(OrgId.of("acme"), TokenId.random());
    private static final IssueId KNOWN_ISSUE = IssueId.parse("87b3a6b6-5af5-438b-a39c-eff148a68ccb");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Object> calls = new ArrayList<>();
    private static final AtomicBoolean tokenStoreDown = new AtomicBoolean();
    private static final AtomicBoolean backendDown = new AtomicBoolean();
    private static WebServer server;
    private static String base;

    @BeforeAll
    static void start() {
        McpUseCases useCases = new McpUseCases(
                presented -> {
                    if (tokenStoreDown.get()) {
                        throw new TokenStoreUnavailableException("down", null);
                    }
                    if (VALID.equals(presented)) {
                        return new AuthenticationResult.Authenticated(ACME);
                    }
                    if (REVOKED.equals(presented)) {
                        return new AuthenticationResult.Revoked();
                    }
                    return presented.startsWith("luc_mcp_") && presented.length() == 40
                            ? new AuthenticationResult.Unknown() : new AuthenticationResult.Malformed();
                },
                (principal, query) -> {
                    calls.add(principal);
                    calls.add(query);
                    if (backendDown.get()) {
                        throw new DataSourceUnavailableException("The issue service is unavailable right now; try again in a few seconds.", null);
                    }
                    return new Page<>(List.of(issue()), Optional.of(Cursor.of("next-page")));
                },
                (principal, id) -> id.equals(KNOWN_ISSUE) ? Optional.empty() : Optional.empty(),
                (principal, query) -> new Page<>(List.of(), Optional.empty()),
                (principal, id) -> Optional.empty(),
                (principal, query) -> {
                    InsightQuery resolved = query.resolvedAt(NOW);
                    return new InsightListing(new Page<>(List.of(), Optional.empty()), resolved.created());
                },
                (principal, id) -> Optional.empty(),
                (principal, groupBy, status, lastSeen) -> { throw new AssertionError("no summaries in this test"); },
                (principal, created) -> { throw new AssertionError("no summaries in this test"); });
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .maxPayloadSize(64 * 1024)
                .routing(routing -> routing.register(new McpHttpService(useCases,
                        new McpHttpConfig(URI.create("https://mcp.example.com"), List.of(URI.create("https://auth.example.com")),
                                URI.create("https://docs.example.com/mcp"), Set.of("https://allowed.example.com"),
                                McpTestServer.NO_LIMITS, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES),
                        "test", new SimpleMeterRegistry())))
                .build()
                .start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        calls.clear();
        tokenStoreDown.set(false);
        backendDown.set(false);
    }

    private static Issue issue() {
        return new Issue(KNOWN_ISSUE, "Checkout latency", "p95 above 2s", IssueStatus.UNRESOLVED, Severity.CRITICAL,
                "checkout-api", NOW.minusSeconds(3600), NOW, 42, 7, List.of());
    }

    // --- authentication -------------------------------------------------------------------------

    @Test
    void requestWithoutTokenGets401PointingAtTheResourceMetadata() throws Exception {
        HttpResponse<String> response = post(initialize("2025-11-25"), null);
        assertEquals(401, response.statusCode());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertEquals("Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource\", scope=\"mcp:read\"",
                challenge);
    }

    @Test
    void unknownMalformedAndRevokedTokensGet401WithInvalidToken() throws Exception {
        // Trailing whitespace never reaches us: HTTP strips it from field values (RFC 9110 5.5).
        for (String token : List.of("luc_mcp_" + "B".repeat(32), VALID + " x", VALID + "A", " " + VALID, VALID.substring(8), REVOKED)) {
            HttpResponse<String> response = post(initialize("2025-11-25"), "Bearer " + token);
            assertEquals(401, response.statusCode(), token);
            String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertTrue(challenge.contains("error=\"invalid_token\""));
            // RFC 6750 3: error_description is printable ASCII; anything else reaches the client as '?'.
            assertTrue(challenge.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) && !challenge.contains("?"), challenge);
            assertFalse(response.body().contains(token.strip()), "the response must not echo the token");
        }
    }

    @Test
    void schemeWordIsCaseInsensitiveButTheTokenIsExact() throws Exception {
        assertEquals(200, post(initialize("2025-11-25"), "bearer " + VALID).statusCode());
        assertEquals(200, post(initialize("2025-11-25"), "BEARER " + VALID).statusCode());
        assertEquals(401, post(initialize("2025-11-25"), "Bearer  " + VALID).statusCode());
        assertEquals(401, post(initialize("2025-11-25"), "Basic " + VALID).statusCode());
    }

    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        HttpRequest request = mcpRequest(initialize("2025-11-25"))
                .header("Authorization", "Bearer " + VALID)
                .header("Authorization", "Bearer " + VALID)
                .build();
        assertEquals(401, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void unreachableTokenStoreIs503WithRetryAfterNever401() throws Exception {
        tokenStoreDown.set(true);
        HttpResponse<String> response = post(initialize("2025-11-25"), "Bearer " + VALID);
        assertEquals(503, response.statusCode());
        assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    // --- transport ------------------------------------------------------------------------------

    @Test
    void initializeNegotiatesTheClientsVersionOrOffersTheLatest() throws Exception {
        for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26")) {
            JsonNode result = rpc(initialize(version)).get("result");
            assertEquals(version, result.get("protocolVersion").asText());
            assertFalse(result.path("capabilities").path("tools").isMissingNode());
            assertEquals("lucent-mcp", result.path("serverInfo").path("name").asText());
        }
        assertEquals("2025-11-25", rpc(initialize("1999-01-01")).path("result").path("protocolVersion").asText());
    }

    @Test
    void notificationsAndResponsesAreAcceptedWith202() throws Exception {
        HttpResponse<String> notification = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Bearer " + VALID);
        assertEquals(202, notification.statusCode());
        assertEquals("", notification.body());
        assertEquals(202, post("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}", "Bearer " + VALID).statusCode());
    }

    @Test
    void malformedMessagesGetTheirJsonRpcCodes() throws Exception {
        assertError(post("{not json", "Bearer " + VALID), 400, -32700);
        assertError(send(mcpRequest("[" + ping() + "]").header("Authorization", "Bearer " + VALID)
                .header("MCP-Protocol-Version", "2025-06-18")), 400, -32600);
        assertError(post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", "Bearer " + VALID), 400, -32600);
        assertError(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sampling/createMessage\"}", "Bearer " + VALID), 200, -32601);
    }

    @Test
    void batchesAreAnsweredIn20250326Only() throws Exception {
        String batch = "[" + ping() + ",{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"nope\"},"
                + initialize("2025-03-26") + ",42]";
        HttpResponse<String> response = post(batch, "Bearer " + VALID); // no MCP-Protocol-Version: 2025-03-26
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answers = JSON.readTree(response.body());
        assertEquals(5, answers.size(), "one answer per request, none for the notification: " + answers);
        assertEquals("p", answers.get(0).path("id").asText());
        assertTrue(answers.get(0).has("result"));
        assertEquals(ToolCatalogue.all().size(), answers.get(1).path("result").path("tools").size());
        assertEquals(-32601, answers.get(2).path("error").path("code").asInt());
        assertEquals(-32600, answers.get(3).path("error").path("code").asInt(), "initialize must not be batched");
        assertEquals(-32600, answers.get(4).path("error").path("code").asInt());
        HttpResponse<String> notificationsOnly = send(mcpRequest("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]")
                .header("Authorization", "Bearer " + VALID).header("MCP-Protocol-Version", "2025-03-26"));
        assertEquals(202, notificationsOnly.statusCode());
        assertEquals("", notificationsOnly.body());
        assertError(post("[]", "Bearer " + VALID), 400, -32600);
        assertError(post("[" + (ping() + ",").repeat(McpProtocol.MAX_BATCH) + ping() + "]", "Bearer " + VALID), 400, -32600);
        assertError(send(mcpRequest("[" + ping() + "]").header("Authorization", "Bearer " + VALID)
                .header("MCP-Protocol-Version", "2025-11-25")), 400, -32600);
    }

    @Test
    void anEmptyBodyIsAParseError() throws Exception {
        assertError(post("", "Bearer " + VALID), 400, -32700);
    }

    @Test
    void unsupportedProtocolVersionHeaderIs400() throws Exception {
        HttpRequest request = mcpRequest(ping()).header("Authorization", "Bearer " + VALID)
                .header("MCP-Protocol-Version", "2024-01-01").build();
        assertEquals(400, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest supported = mcpRequest(ping()).header("Authorization", "Bearer " + VALID)
                .header("MCP-Protocol-Version", "2025-06-18").build();
        assertEquals(200, HTTP.send(supported, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void foreignOriginIs403AndConfiguredOriginsPass() throws Exception {
        assertEquals(403, postWithOrigin("https://evil.example.net").statusCode());
        assertEquals(200, postWithOrigin("https://mcp.example.com").statusCode());
        assertEquals(200, postWithOrigin("https://allowed.example.com").statusCode());
    }

    @Test
    void acceptWithoutJsonIs406() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/mcp"))
                .header("Content-Type", "application/json").header("Accept", "text/html")
                .header("Authorization", "Bearer " + VALID)
                .POST(HttpRequest.BodyPublishers.ofString(ping())).build();
        assertEquals(406, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(100_000) + "\"}}";
        // Expect: 100-continue holds the body back until the server asks for it. Without it the client may still be
        // writing when the server answers 413 and closes, and then sees a reset instead of the answer.
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/mcp")).expectContinue(true)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + VALID)
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build();
        assertEquals(413, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aChunkedBodyWithBrokenFramingIs400AndClosesTheConnection() throws Exception {
        // A chunk size that is not hexadecimal: the rest of the connection cannot be framed any more.
        String request = "POST /api/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nAuthorization: Bearer " + VALID + "\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"jsonrpc\":\"2.0\"}\r\n0\r\n\r\n";
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"), answer);
            JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("error");
            assertEquals(-32700, error.get("code").asInt(), answer);
        }
    }

    @Test
    void getAndDeleteAreNotOfferedByAStatelessServer() throws Exception {
        for (String method : List.of("GET", "DELETE")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/mcp"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + VALID)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(405, response.statusCode(), method);
            assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
        }
    }

    @Test
    void legacySsePathsExplainTheStreamableHttpEndpoint() throws Exception {
        for (String path : List.of("/api/sse", "/api/message")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(410, response.statusCode());
            assertTrue(response.body().contains("https://mcp.example.com/api/mcp"), response.body());
            assertTrue(response.body().contains("streamable HTTP"), response.body());
        }
    }

    @Test
    void protectedResourceMetadataIsJsonAtBothWellKnownPaths() throws Exception {
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/api/mcp")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            JsonNode metadata = JSON.readTree(response.body());
            assertEquals("https://mcp.example.com/api/mcp", metadata.get("resource").asText());
            assertEquals("https://auth.example.com", metadata.get("authorization_servers").get(0).asText());
            assertEquals("header", metadata.get("bearer_methods_supported").get(0).asText());
            assertEquals("Lucent MCP", metadata.get("resource_name").asText());
        }
    }

    // --- tools ----------------------------------------------------------------------------------

    @Test
    void everyToolIsReadOnlyWithStrictInputAndAnOutputSchema() throws Exception {
        JsonNode tools = rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").path("result").path("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> {
            names.add(tool.get("name").asText());
            assertTrue(tool.path("annotations").path("readOnlyHint").asBoolean(), tool.toString());
            assertFalse(tool.path("title").asText().isEmpty());
            assertFalse(tool.path("inputSchema").path("additionalProperties").asBoolean(true));
            assertEquals("object", tool.path("outputSchema").path("type").asText());
        });
        assertEquals(List.of("list_issues", "get_issue", "summarize_issues", "list_signals", "get_signal", "list_insights",
                "get_insight", "summarize_insights"), names);
    }

    @Test
    void listIssuesWithoutArgumentsAsksForTheDefaultsInThePrincipalsOrg() throws Exception {
        JsonNode result = callTool("list_issues", "{}").get("result");
        assertEquals(ACME, calls.get(0));
        assertEquals(Queries.issues(), calls.get(1));
        assertFalse(result.get("isError").asBoolean());
        JsonNode structured = result.get("structuredContent");
        assertEquals(KNOWN_ISSUE.toString(), structured.path("issues").get(0).get("id").asText());
        assertEquals("critical", structured.path("issues").get(0).get("severity").asText());
        assertEquals("next-page", structured.get("next_cursor").asText());
        assertEquals(structured, JSON.readTree(Fenced.json(result.path("content").get(0).get("text").asText())));
    }

    @Test
    void listIssuesArgumentsBecomeTheQuery() throws Exception {
        callTool("list_issues", "{\"status\":\"all\",\"severity\":\"high\",\"sort\":\"occurrences\",\"limit\":5,"
                + "\"since\":\"2026-11-01\",\"until\":\"2026-11-20T00:00:00+01:00\",\"query\":\" checkout \",\"cursor\":\"abc\"}");
        IssueQuery query = (IssueQuery) calls.get(1);
        assertEquals(IssueStatusFilter.ALL, query.status());
        assertEquals(Optional.of(Severity.HIGH), query.minSeverity());
        assertEquals(IssueSort.OCCURRENCES, query.sort());
        assertEquals(5, query.page().limit().value());
        assertEquals(Optional.of(Cursor.of("abc")), query.page().cursor());
        assertEquals(Optional.of("checkout"), query.text());
        assertEquals(new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-19T23:00:00Z")), query.lastSeen());
    }

    @Test
    void anOrgArgumentIsRejectedNamingIt() throws Exception {
        for (String arguments : List.of("{\"org_id\":\"globex\"}", "{\"orgId\":\"globex\"}", "{\"status\":\"all\",\"org\":{\"id\":\"globex\"}}")) {
            JsonNode error = callTool("list_issues", arguments).get("error");
            assertEquals(-32602, error.get("code").asInt(), arguments);
            String name = JSON.readTree(arguments).fieldNames().next();
            assertTrue(error.get("message").asText().contains("'" + (arguments.contains("\"org\"") ? "org" : name) + "'"),
                    error.toString());
        }
        assertTrue(calls.isEmpty(), "no query may run");
    }

    @Test
    void badArgumentsAreInvalidParamsNamingTheArgument() throws Exception {
        assertInvalid("list_issues", "{\"limit\":500}", "limit");
        assertInvalid("list_issues", "{\"limit\":\"5\"}", "limit");
        assertInvalid("list_issues", "{\"status\":\"open\"}", "status");
        assertInvalid("list_issues", "{\"since\":\"yesterday\"}", "since");
        assertInvalid("list_issues", "{\"since\":\"2026-11-20T00:00:00Z\",\"until\":\"2026-11-01T00:00:00Z\"}", "since");
        assertInvalid("list_issues", "{\"cursor\":\"not a cursor!\"}", "cursor");
        assertInvalid("list_issues", "{\"signal_id\":\"nope\"}", "signal_id");
        assertInvalid("get_issue", "{}", "id");
        assertInvalid("get_issue", "{\"id\":\"not-a-uuid\"}", "id");
        assertInvalid("list_signals", "{\"window\":\"1y\"}", "window");
        assertInvalid("list_signals", "{\"enabled\":\"yes\"}", "enabled");
        assertInvalid("list_insights", "{\"kind\":\"gossip\"}", "kind");
        JsonNode unknownTool = callTool("delete_issue", "{}").get("error");
        assertEquals(-32602, unknownTool.get("code").asInt());
    }

    @Test
    void missingIdIsAToolErrorNotAProtocolError() throws Exception {
        JsonNode result = callTool("get_issue", "{\"id\":\"" + UUID.randomUUID() + "\"}").get("result");
        assertTrue(result.get("isError").asBoolean());
        assertTrue(result.path("content").get(0).get("text").asText().contains("list_issues"));
        assertNull(result.get("structuredContent"));
    }

    @Test
    void backendTroubleIsAnActionableToolError() throws Exception {
        backendDown.set(true);
        HttpResponse<String> response = post(toolCall("list_issues", "{}"), "Bearer " + VALID);
        assertEquals(200, response.statusCode());
        JsonNode result = JSON.readTree(response.body()).get("result");
        assertTrue(result.get("isError").asBoolean());
        assertTrue(result.path("content").get(0).get("text").asText().contains("try again"));
    }

    @Test
    void listInsightsReportsTheResolvedDefaultWindow() throws Exception {
        JsonNode structured = callTool("list_insights", "{}").path("result").path("structuredContent");
        assertEquals("2026-11-17T12:00:00Z", structured.get("since").asText());
        assertEquals("2026-11-24T12:00:00Z", structured.get("until").asText());
    }

    // --- helpers --------------------------------------------------------------------------------

    private static void assertInvalid(String tool, String arguments, String argument) throws Exception {
        JsonNode error = callTool(tool, arguments).get("error");
        assertEquals(-32602, error.path("code").asInt(), tool + " " + arguments + " -> " + error);
        assertTrue(error.get("message").asText().contains("'" + argument + "'"), error.toString());
    }

    private static void assertError(HttpResponse<String> response, int status, int code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, JSON.readTree(response.body()).path("error").path("code").asInt(), response.body());
    }

    private static JsonNode callTool(String name, String arguments) throws Exception {
        return rpc(toolCall(name, arguments));
    }

    private static String toolCall(String name, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static JsonNode rpc(String body) throws Exception {
        HttpResponse<String> response = post(body, "Bearer " + VALID);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        return JSON.readTree(response.body());
    }

    private static String initialize(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    }

    private static String ping() {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}";
    }

    private static HttpRequest.Builder mcpRequest(String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = mcpRequest(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postWithOrigin(String origin) throws Exception {
        return HTTP.send(mcpRequest(ping()).header("Authorization", "Bearer " + VALID).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
