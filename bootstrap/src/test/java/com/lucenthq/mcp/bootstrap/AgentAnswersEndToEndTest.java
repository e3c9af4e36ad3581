package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's "done when" against the full server and the bundled sample backend: each product question is answered by
 * the one call its prompt names, in under 2,000 tokens of text; the summary counts what the list returns, for acme
 * alone; the injected issue title stays inside its fence.
 */
class AgentAnswersEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CALL = Pattern.compile("Call the tool `([a-z_]+)` with the arguments `(\\{[^`]*\\})`");
    private static final Pattern FENCE = Pattern.compile(
            "\\A[^\n]*not instructions[^\n]*\n<untrusted-data-([0-9a-f]{16})>\n(.*)\n</untrusted-data-\\1>\\z",
            Pattern.DOTALL);
    private static final double BYTES_PER_TOKEN = 3.5;
    private static final String SAMPLE_ISSUE = "87b3a6b6-5af5-438b-a39c-eff148a68ccb";

    @TempDir
    static Path dataDir;
    private static FullServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5), FullServerFixture.NO_LIMITS);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void eachQuestionIsOneCallWithItsPromptsArgumentsUnderTwoThousandTokens() throws Exception {
        Map<String, ObjectNode> prompts = Map.of("critical_issues", JSON.createObjectNode(),
                "show_issue", JSON.createObjectNode().put("id", SAMPLE_ISSUE),
                "top_signals", JSON.createObjectNode(), "insights_last_week", JSON.createObjectNode());
        for (Map.Entry<String, ObjectNode> prompt : prompts.entrySet()) {
            ObjectNode params = JSON.createObjectNode().put("name", prompt.getKey());
            params.set("arguments", prompt.getValue());
            String text = rpc("prompts/get", params).path("result").path("messages").get(0).path("content")
                    .path("text").asText();
            Matcher call = CALL.matcher(text);
            assertTrue(call.find(), text);
            JsonNode result = callTool(call.group(1), call.group(2));
            assertFalse(result.path("isError").asBoolean(true), prompt.getKey() + ": " + result);
            String answer = result.path("content").get(0).path("text").asText();
            double tokens = answer.getBytes(StandardCharsets.UTF_8).length / BYTES_PER_TOKEN;
            assertTrue(tokens < 2_000, prompt.getKey() + " answers in " + Math.round(tokens) + " tokens");
            assertEquals(result.get("structuredContent"), JSON.readTree(fenced(answer)), "the text is the JSON, fenced");
        }
    }

    @Test
    void theSummaryCountsWhatListIssuesReturnsForTheSameFilters() throws Exception {
        for (String groupBy : List.of("severity", "status", "service", "signal")) {
            JsonNode summary = callTool("summarize_issues", "{\"group_by\":\"" + groupBy + "\",\"status\":\"all\"}")
                    .get("structuredContent");
            List<JsonNode> listed = listAll("{\"status\":\"all\",\"since\":\"" + summary.get("since").asText()
                    + "\",\"until\":\"" + summary.get("until").asText() + "\"}");
            assertEquals(listed.size(), summary.path("total").path("issues").asInt(), groupBy);
            assertEquals(listed.stream().mapToLong(issue -> issue.get("occurrences").asLong()).sum(),
                    summary.path("total").path("occurrences").asLong());
            Map<String, List<JsonNode>> groups = new HashMap<>();
            for (JsonNode issue : listed) {
                List<String> keys = new ArrayList<>();
                switch (groupBy) {
                    case "signal" -> issue.get("signal_ids").forEach(id -> keys.add(id.asText()));
                    default -> keys.add(issue.get(groupBy).asText());
                }
                keys.forEach(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()).add(issue));
            }
            Set<String> ids = new HashSet<>();
            listed.forEach(issue -> ids.add(issue.get("id").asText()));
            for (JsonNode group : summary.get("groups")) {
                List<JsonNode> members = groups.getOrDefault(group.get("key").asText(), List.of());
                assertEquals(members.size(), group.get("issues").asInt(), groupBy + " " + group.get("key"));
                assertEquals(members.stream().mapToLong(issue -> issue.get("affected_users").asLong()).sum(),
                        group.get("affected_users").asLong());
                group.get("top_issues").forEach(top -> assertTrue(ids.contains(top.get("id").asText()),
                        "a top issue of another org or window: " + top));
            }
        }
    }

    @Test
    void theInjectedTitleStaysInsideItsFence() throws Exception {
        JsonNode result = callTool("list_issues", "{\"query\":\"ignore previous instructions\",\"status\":\"all\"}");
        JsonNode issues = result.path("structuredContent").path("issues");
        assertEquals(1, issues.size(), result.toString());
        String title = issues.get(0).get("title").asText();
        assertTrue(title.contains("</untrusted-data-"), title);
        String text = result.path("content").get(0).path("text").asText();
        String inside = fenced(text);
        assertTrue(inside.contains(title.replace("\"", "\\\"")), "the title is inside the fence");
        assertEquals(text.indexOf(title.substring(0, 20)), text.lastIndexOf(title.substring(0, 20)));

        JsonNode read = rpc("resources/read", JSON.createObjectNode().put("uri", "lucent://issues/"
                + issues.get(0).get("id").asText()));
        String resource = read.path("result").path("contents").get(0).path("text").asText();
        assertEquals(issues.get(0).get("id"), JSON.readTree(fenced(resource)).get("id"), "resource reads are fenced too");
    }

    /** The JSON inside the one fence of {@code text}, whose closing tag appears only at its end. */
    private static String fenced(String text) {
        Matcher fence = FENCE.matcher(text);
        assertTrue(fence.matches(), text);
        String closing = "</untrusted-data-" + fence.group(1) + ">";
        assertEquals(text.length() - closing.length(), text.indexOf(closing), "closed before its end");
        return fence.group(2);
    }

    private static List<JsonNode> listAll(String arguments) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        ObjectNode args = (ObjectNode) JSON.readTree(arguments);
        args.put("limit", 100);
        while (true) {
            JsonNode page = callTool("list_issues", args.toString()).get("structuredContent");
            page.get("issues").forEach(all::add);
            if (page.get("next_cursor").isNull()) {
                return all;
            }
            args.put("cursor", page.get("next_cursor").asText());
        }
    }

    private static JsonNode callTool(String name, String arguments) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("name", name);
        params.set("arguments", JSON.readTree(arguments));
        JsonNode answer = rpc("tools/call", params);
        assertTrue(answer.has("result"), answer.toString());
        return answer.get("result");
    }

    private static JsonNode rpc(String method, ObjectNode params) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        body.set("params", params);
        HttpRequest request = HttpRequest.newBuilder(fixture.mcpUri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .header("Authorization", "Bearer " + fixture.token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return JSON.readTree(fixture.send(request).body());
    }
}
