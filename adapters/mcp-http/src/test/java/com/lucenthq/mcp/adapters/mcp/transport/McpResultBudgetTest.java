package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.adapters.mcp.tools.Fenced;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The response-size budget of list tools, on a real server over fake use cases whose items are big: pages are cut to
 * fit, flagged {@code truncated}, and their cursors continue exactly after the last item returned.
 */
class McpResultBudgetTest {

    private static final String TOKEN = "luc_mcp_" + "A".repeat(32);
    private static final Principal ACME = new Principal(OrgId.of("acme"), TokenId.random());
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final int BUDGET = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Issue i has a title of sizes.apply(i) characters. */
    private final List<Issue> issues = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<Insight> insights = new ArrayList<>();
    private final List<Object> queries = new CopyOnWriteArrayList<>();
    /** Advances by a minute on every insight query, as a real clock would between calls. */
    private final AtomicLong insightClock = new AtomicLong();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void bigPagesAreCutToTheBudgetAndTheCursorsLoseAndRepeatNothing() throws Exception {
        start(BUDGET);
        addIssues(60, i -> 150 + (i * 37) % 400);
        List<JsonNode> pages = followAll("list_issues", "{\"limit\":100}", "issues");
        assertTrue(pages.size() > 1);
        assertTrue(pages.stream().anyMatch(page -> page.get("truncated").asBoolean()), "some page must be cut");
        assertFalse(pages.getLast().get("truncated").asBoolean());
        assertEquals(ids(issues.stream().map(issue -> issue.id().toString())), idsOf(pages, "issues"));
    }

    @Test
    void anItemBiggerThanTheBudgetComesAloneAndFlagged() throws Exception {
        start(BUDGET);
        addIssues(5, i -> i == 2 ? 5_000 : 300);
        List<JsonNode> pages = followAll("list_issues", "{}", "issues");
        JsonNode huge = pages.stream()
                .filter(page -> page.get("issues").size() == 1 && page.get("issues").get(0).get("title").asText().length() == 5_000)
                .findFirst().orElseThrow();
        assertTrue(huge.get("truncated").asBoolean());
        assertEquals(ids(issues.stream().map(issue -> issue.id().toString())), idsOf(pages, "issues"));
    }

    @Test
    void signalsAndInsightsAreCutTooKeepingTheirOtherFields() throws Exception {
        start(BUDGET);
        for (int i = 0; i < 30; i++) {
            signals.add(new Signal(SignalId.parse("id", UUID.randomUUID().toString()), "signal " + i, "d".repeat(200),
                    "q".repeat(100), true, NOW, new MatchCounts(1, 2, 3), null));
            insights.add(new Insight(InsightId.parse(UUID.randomUUID().toString()), InsightKind.values()[0], "insight " + i,
                    "s".repeat(250), Severity.HIGH, null, List.of(), NOW.minusSeconds(i)));
        }
        List<JsonNode> signalPages = followAll("list_signals", "{\"window\":\"30d\",\"limit\":30}", "signals");
        assertTrue(signalPages.getFirst().get("truncated").asBoolean());
        signalPages.forEach(page -> assertEquals("30d", page.get("window").asText()));
        assertEquals(ids(signals.stream().map(signal -> signal.id().toString())), idsOf(signalPages, "signals"));

        queries.clear();
        JsonNode first = structured(callTool("list_insights", "{\"limit\":30}"));
        assertTrue(first.get("truncated").asBoolean());
        // The extra call asked for the window the first call resolved, not for a later "last seven days".
        InsightQuery original = (InsightQuery) queries.get(0);
        InsightQuery again = (InsightQuery) queries.get(1);
        assertEquals(TimeRange.ALL, original.created());
        assertEquals(original.resolvedAt(NOW).created(), again.created());
        assertEquals(again.created().since().toString(), first.get("since").asText());
        assertEquals(again.created().until().toString(), first.get("until").asText());
        assertEquals(first.get("insights").size(), again.page().limit().value());
    }

    @Test
    void withTheDefaultBudgetAFullPageIsReturnedAsItIsAfterOneCall() throws Exception {
        start(McpHttpConfig.DEFAULT_MAX_RESULT_BYTES);
        addIssues(100, i -> 300);
        JsonNode page = structured(callTool("list_issues", "{\"limit\":100}"));
        assertEquals(100, page.get("issues").size());
        assertFalse(page.get("truncated").asBoolean());
        assertEquals(1, queries.size());
    }

    @Test
    void theOutputSchemasDeclareTruncated() throws Exception {
        start(BUDGET);
        JsonNode tools = rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").path("result").path("tools");
        Set<String> flagged = new HashSet<>();
        tools.forEach(tool -> {
            JsonNode schema = tool.path("outputSchema");
            if (!schema.path("properties").path("truncated").isMissingNode()) {
                assertEquals("boolean", schema.path("properties").path("truncated").path("type").asText());
                assertTrue(schema.path("required").toString().contains("\"truncated\""));
                flagged.add(tool.get("name").asText());
            }
        });
        assertEquals(Set.of("list_issues", "list_signals", "list_insights"), flagged);
    }

    // --- helpers --------------------------------------------------------------------------------

    private void start(int budget) {
        McpUseCases useCases = new McpUseCases(
                presented -> TOKEN.equals(presented)
                        ? new AuthenticationResult.Authenticated(ACME) : new AuthenticationResult.Unknown(),
                (principal, query) -> {
                    queries.add(query);
                    return slice(issues, query.page());
                },
                (principal, id) -> Optional.empty(),
                (principal, query) -> {
                    queries.add(query);
                    return slice(signals, query.page());
                },
                (principal, id) -> Optional.empty(),
                (principal, query) -> {
                    queries.add(query);
                    Instant now = NOW.plusSeconds(60 * insightClock.getAndIncrement());
                    return new InsightListing(slice(insights, query.page()), query.resolvedAt(now).created());
                },
                (principal, id) -> Optional.empty(),
                (principal, groupBy, status, lastSeen) -> { throw new AssertionError("no summaries in this test"); },
                (principal, created) -> { throw new AssertionError("no summaries in this test"); });
        McpHttpConfig config = McpTestServer.config(McpTestServer.NO_LIMITS, budget);
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register(new McpHttpService(useCases, config, "test", new SimpleMeterRegistry())))
                .build().start();
    }

    /** An offset cursor, like a backend's: {@code o<index of the next item>}. */
    private static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = request.cursor().map(cursor -> Integer.parseInt(cursor.value().substring(1))).orElse(0);
        int to = Math.min(all.size(), from + request.limit().value());
        return new Page<>(all.subList(from, to), to < all.size() ? Optional.of(Cursor.of("o" + to)) : Optional.empty());
    }

    private void addIssues(int count, IntFunction<Integer> titleLength) {
        for (int i = 0; i < count; i++) {
            issues.add(new Issue(IssueId.parse(UUID.randomUUID().toString()), "t".repeat(titleLength.apply(i)), "description",
                    IssueStatus.UNRESOLVED, Severity.HIGH, "checkout-api", NOW.minusSeconds(3600), NOW, 1, 1, List.of()));
        }
    }

    /** Calls the tool and then with every next_cursor until the last page, checking each page's size. */
    private List<JsonNode> followAll(String tool, String arguments, String field) throws Exception {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            String withCursor = cursor == null ? arguments
                    : arguments.substring(0, arguments.length() - 1) + (arguments.equals("{}") ? "" : ",")
                      + "\"cursor\":\"" + cursor + "\"}";
            JsonNode result = callTool(tool, withCursor).get("result");
            JsonNode page = result.get("structuredContent");
            assertEquals(page, JSON.readTree(Fenced.json(result.path("content").get(0).get("text").asText())));
            int bytes = page.toString().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= BUDGET || page.get(field).size() == 1, tool + " page of " + bytes + " bytes");
            assertFalse(page.get(field).isEmpty(), "never an empty page with a cursor");
            pages.add(page);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            assertTrue(pages.size() < 1_000, "cursors must make progress");
        } while (cursor != null);
        return pages;
    }

    private static List<String> ids(java.util.stream.Stream<String> ids) {
        return ids.toList();
    }

    private static List<String> idsOf(List<JsonNode> pages, String field) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.get(field).forEach(item -> ids.add(item.get("id").asText())));
        return ids;
    }

    private static JsonNode structured(JsonNode response) {
        assertFalse(response.path("result").path("isError").asBoolean(true), response.toString());
        return response.path("result").path("structuredContent");
    }

    private JsonNode callTool(String name, String arguments) throws Exception {
        return rpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
                + "\",\"arguments\":" + arguments + "}}");
    }

    private JsonNode rpc(String body) throws Exception {
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
