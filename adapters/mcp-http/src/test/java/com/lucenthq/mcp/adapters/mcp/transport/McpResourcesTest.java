package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.adapters.mcp.tools.Fenced;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.detail.RelatedSignal;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.signal.MatchCounts;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import io.helidon.webserver.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resources, completion and logging/setLevel on a real server over fake use cases that record their calls. */
class McpResourcesTest {

    private static final String TOKEN = "luc_mcp_" + "A".repeat(32);
    private static final Principal ACME = new Principal(OrgId.of("acme"), TokenId.random());
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final IssueId ISSUE = IssueId.parse("87b3a6b6-5af5-438b-a39c-eff148a68ccb");
    private static final SignalId SIGNAL = SignalId.parse("id", "5f0c1e2d-3b4a-4c5d-8e9f-0a1b2c3d4e5f");
    private static final InsightId INSIGHT = InsightId.parse("c0ffee00-1111-4222-8333-444455556666");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Object> calls = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean backendDown = new AtomicBoolean();
    /** What the issue list returns: 15 ids starting with aa, 5 with ab. */
    private static final List<Issue> LISTED = new ArrayList<>();
    private static WebServer server;

    @BeforeAll
    static void start() {
        for (int i = 0; i < 20; i++) {
            LISTED.add(issue(IssueId.parse(String.format("%s%06d-0000-4000-8000-000000000000", i < 15 ? "aa" : "ab", i))));
        }
        McpUseCases useCases = new McpUseCases(
                presented -> TOKEN.equals(presented)
                        ? new AuthenticationResult.Authenticated(ACME) : new AuthenticationResult.Unknown(),
                (principal, query) -> {
                    record(principal, query);
                    return new Page<>(LISTED, Optional.empty());
                },
                (principal, id) -> {
                    record(principal, id);
                    return id.equals(ISSUE) ? Optional.of(new IssueDetail(issue(ISSUE),
                            List.of(new DailyCount(LocalDate.parse("2026-11-24"), 3)),
                            List.of(new RelatedSignal(SIGNAL, "latency")), List.of())) : Optional.empty();
                },
                (principal, query) -> {
                    record(principal, query);
                    return new Page<>(List.of(signal()), Optional.empty());
                },
                (principal, id) -> {
                    record(principal, id);
                    return id.equals(SIGNAL) ? Optional.of(signal()) : Optional.empty();
                },
                (principal, query) -> {
                    record(principal, query);
                    return new InsightListing(new Page<>(List.of(insight()), Optional.empty()), query.resolvedAt(NOW).created());
                },
                (principal, id) -> {
                    record(principal, id);
                    return id.equals(INSIGHT) ? Optional.of(insight()) : Optional.empty();
                },
                (principal, groupBy, status, lastSeen) -> { throw new AssertionError("no summaries in this test"); },
                (principal, created) -> { throw new AssertionError("no summaries in this test"); });
        McpHttpConfig config = McpTestServer.config(McpTestServer.NO_LIMITS, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES);
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register(new McpHttpService(useCases, config, "test", new SimpleMeterRegistry())))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        calls.clear();
        backendDown.set(false);
    }

    private static void record(Principal principal, Object argument) {
        if (backendDown.get()) {
            throw new DataSourceUnavailableException("The issue service is unavailable right now; try again in a few seconds.", null);
        }
        calls.add(principal);
        calls.add(argument);
    }

    private static Issue issue(IssueId id) {
        return new Issue(id, "Checkout latency", "p95 above 2s", IssueStatus.UNRESOLVED, Severity.CRITICAL,
                "checkout-api", NOW.minusSeconds(3600), NOW, 42, 7, List.of(SIGNAL));
    }

    private static Signal signal() {
        return new Signal(SIGNAL, "latency", "slow checkouts", "p95 > 2s", true, NOW, new MatchCounts(1, 2, 3), null);
    }

    private static Insight insight() {
        return new Insight(INSIGHT, InsightKind.values()[0], "Spike", "More errors", Severity.HIGH, SIGNAL, List.of(ISSUE), NOW);
    }

    // --- capabilities and listings --------------------------------------------------------------

    @Test
    void initializeAdvertisesResourcesCompletionsAndLogging() throws Exception {
        JsonNode capabilities = result("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}").get("capabilities");
        assertFalse(capabilities.path("resources").path("subscribe").asBoolean(true));
        assertFalse(capabilities.path("resources").path("listChanged").asBoolean(true));
        assertTrue(capabilities.path("completions").isObject());
        assertTrue(capabilities.path("logging").isObject());
        assertTrue(capabilities.path("tools").isObject());
    }

    @Test
    void templatesNameTheThreeKindsAndTheStaticListIsEmpty() throws Exception {
        JsonNode templates = result("resources/templates/list", null).get("resourceTemplates");
        List<String> uris = new ArrayList<>();
        templates.forEach(template -> {
            uris.add(template.get("uriTemplate").asText());
            assertEquals("application/json", template.get("mimeType").asText());
            assertFalse(template.path("name").asText().isEmpty());
            assertFalse(template.path("title").asText().isEmpty());
            assertFalse(template.path("description").asText().isEmpty());
        });
        assertEquals(List.of("lucent://issues/{id}", "lucent://signals/{id}", "lucent://insights/{id}"), uris);
        assertEquals(0, result("resources/list", "{}").get("resources").size());
        assertTrue(calls.isEmpty());
    }

    // --- resources/read -------------------------------------------------------------------------

    @Test
    void readingGivesTheSameJsonAsTheGetToolsForThePrincipalsOrg() throws Exception {
        List<List<String>> cases = List.of(List.of("issues", ISSUE.toString(), "get_issue"),
                List.of("signals", SIGNAL.toString(), "get_signal"), List.of("insights", INSIGHT.toString(), "get_insight"));
        for (List<String> each : cases) {
            String uri = "lucent://" + each.get(0) + "/" + each.get(1);
            calls.clear();
            JsonNode contents = result("resources/read", "{\"uri\":\"" + uri + "\"}").get("contents");
            assertEquals(ACME, calls.get(0));
            assertEquals(each.get(1), calls.get(1).toString());
            assertEquals(1, contents.size());
            assertEquals(uri, contents.get(0).get("uri").asText());
            assertEquals("application/json", contents.get(0).get("mimeType").asText());
            JsonNode tool = rpc("tools/call", "{\"name\":\"" + each.get(2) + "\",\"arguments\":{\"id\":\"" + each.get(1) + "\"}}")
                    .path("result").path("structuredContent");
            assertEquals(tool, JSON.readTree(Fenced.json(contents.get(0).get("text").asText())), uri);
        }
    }

    @Test
    void urisThisServerDoesNotServeAreInvalidParams() throws Exception {
        for (String params : List.of("{}", "{\"uri\":5}", "{\"uri\":\"file:///etc/passwd\"}",
                "{\"uri\":\"lucent://tokens/" + ISSUE + "\"}", "{\"uri\":\"lucent://issues/not-a-uuid\"}",
                "{\"uri\":\"lucent://issues/" + ISSUE + "/x\"}", "{\"uri\":\"lucent://issues/" + ISSUE + "?org=globex\"}",
                "{\"uri\":\"lucent://issues/" + ISSUE + "#x\"}", "{\"uri\":\"LUCENT://issues/" + ISSUE + "\"}",
                "{\"uri\":\"lucent://issues/\"}", "{\"uri\":\" lucent://issues/" + ISSUE + "\"}")) {
            assertEquals(-32602, rpc("resources/read", params).path("error").path("code").asInt(), params);
        }
        assertTrue(calls.isEmpty(), "no query may run");
    }

    @Test
    void anIdTheOrgDoesNotHaveIsResourceNotFoundNamingTheUri() throws Exception {
        String uri = "lucent://signals/" + ISSUE;
        JsonNode error = rpc("resources/read", "{\"uri\":\"" + uri + "\"}").get("error");
        assertEquals(-32002, error.get("code").asInt());
        assertEquals("Resource not found", error.get("message").asText());
        assertEquals(uri, error.path("data").path("uri").asText());
    }

    @Test
    void backendTroubleIsAnInternalErrorWithTheSentenceToActOn() throws Exception {
        backendDown.set(true);
        JsonNode error = rpc("resources/read", "{\"uri\":\"lucent://issues/" + ISSUE + "\"}").get("error");
        assertEquals(-32603, error.get("code").asInt());
        assertTrue(error.get("message").asText().contains("try again"), error.toString());
    }

    // --- completion/complete --------------------------------------------------------------------

    @Test
    void completionOffersUpToTenIdsWithThePrefixAmongTheFirstHundred() throws Exception {
        JsonNode completion = complete("lucent://issues/{id}", "id", "AA").get("result").get("completion");
        assertEquals(10, completion.get("values").size());
        completion.get("values").forEach(value -> assertTrue(value.asText().startsWith("aa"), value.asText()));
        assertEquals(15, completion.get("total").asInt());
        assertTrue(completion.get("hasMore").asBoolean());
        assertEquals(ACME, calls.get(0));
        IssueQuery query = (IssueQuery) calls.get(1);
        assertEquals(IssueStatusFilter.ALL, query.status());
        assertEquals(100, query.page().limit().value());

        JsonNode few = complete("lucent://issues/{id}", "id", "ab").get("result").get("completion");
        assertEquals(5, few.get("values").size());
        assertFalse(few.get("hasMore").asBoolean());
        assertEquals(20, complete("lucent://issues/{id}", "id", "").path("result").path("completion").path("total").asInt());
        assertEquals(List.of(SIGNAL.toString()), values(complete("lucent://signals/{id}", "id", "5f0")));
        assertEquals(List.of(INSIGHT.toString()), values(complete("lucent://insights/{id}", "id", "c0")));
        assertEquals(List.of(), values(complete("lucent://insights/{id}", "id", "zz")));
        assertEquals(100, ((InsightQuery) calls.get(calls.size() - 1)).page().limit().value());
    }

    @Test
    void completionOfAnythingElseIsInvalidParams() throws Exception {
        assertEquals(-32602, complete("lucent://tokens/{id}", "id", "a").path("error").path("code").asInt());
        assertEquals(-32602, complete("lucent://issues/{id}", "name", "a").path("error").path("code").asInt());
        for (String params : List.of("{}", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"x\"},\"argument\":{\"name\":\"id\",\"value\":\"a\"}}",
                "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"lucent://issues/{id}\"},\"argument\":{\"name\":\"id\"}}")) {
            assertEquals(-32602, rpc("completion/complete", params).path("error").path("code").asInt(), params);
        }
        assertTrue(calls.isEmpty());
    }

    // --- logging/setLevel -----------------------------------------------------------------------

    @Test
    void setLevelAcceptsTheSpecificationsLevelsOnly() throws Exception {
        for (String level : List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency")) {
            assertEquals(JSON.createObjectNode(), result("logging/setLevel", "{\"level\":\"" + level + "\"}"), level);
        }
        for (String params : List.of("{}", "{\"level\":\"verbose\"}", "{\"level\":\"INFO\"}", "{\"level\":3}")) {
            assertEquals(-32602, rpc("logging/setLevel", params).path("error").path("code").asInt(), params);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static List<String> values(JsonNode response) {
        List<String> values = new ArrayList<>();
        response.path("result").path("completion").path("values").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode complete(String template, String argument, String value) throws Exception {
        ObjectNode params = JSON.createObjectNode();
        params.putObject("ref").put("type", "ref/resource").put("uri", template);
        params.putObject("argument").put("name", argument).put("value", value);
        return rpc("completion/complete", params.toString());
    }

    private static JsonNode result(String method, String params) throws Exception {
        JsonNode response = rpc(method, params);
        assertTrue(response.has("result"), response.toString());
        return response.get("result");
    }

    private static JsonNode rpc(String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
