package com.lucenthq.mcp.adapters.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.ListIssues;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.tool.IssueArguments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What the model reads of a list answer (structured content and fenced text) stays within the budget for every
 * {@code limit} and {@code fields}, whatever the items' sizes; only an item too big alone may exceed it; with the
 * default budget no text exceeds 25,000 tokens (bytes / 3.5).
 */
class ResultBudgetPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Principal ACME = new Principal(OrgId.of("acme"), TokenId.random());
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final int DEFAULT_BUDGET = 131_072;
    private static final long MAX_TEXT_BYTES = 87_500;
    /** Titles from a few bytes to 6 KB, as customers' applications write them. */
    private static final List<Issue> ISSUES = issues();

    @Property(tries = 400)
    void theAnswerFitsTheBudgetForEveryLimitAndFields(@ForAll @IntRange(min = 1, max = 100) int limit,
                                                      @ForAll("fieldSets") List<String> fields,
                                                      @ForAll("budgets") int budget) throws Exception {
        ListIssues listIssues = (principal, query) -> slice(query.page());
        ListIssuesTool tool = new ListIssuesTool(listIssues, new ResultBudget(budget));
        ObjectNode arguments = JSON.createObjectNode().put("limit", limit);
        fields.forEach(arguments.putArray("fields")::add);

        SerializedJson answer = tool.call(ACME, ToolArguments.check(tool.tool(), arguments));

        JsonNode structured = JSON.readTree(answer.json());
        JsonNode issues = structured.get("issues");
        assertTrue(issues.size() >= 1 && issues.size() <= limit, issues.size() + " items for limit " + limit);
        assertTrue(ResultBudget.read(answer) <= budget || issues.size() == 1,
                ResultBudget.read(answer) + " bytes read over a budget of " + budget);
        if (budget == DEFAULT_BUDGET) {
            assertTrue(answer.textLength() <= MAX_TEXT_BYTES, answer.textLength() + " bytes of text");
        }
        Set<String> expected = new HashSet<>(fields.isEmpty() ? IssueArguments.FIELD_NAMES : fields);
        expected.add("id");
        for (JsonNode issue : issues) {
            Set<String> names = new HashSet<>();
            issue.fieldNames().forEachRemaining(names::add);
            assertEquals(expected, names);
        }
        assertEquals(structured.toString(), Fenced.json(answer.text()));
    }

    @Provide
    Arbitrary<List<String>> fieldSets() {
        return Arbitraries.subsetOf(IssueArguments.FIELD_NAMES).map(ArrayList::new);
    }

    @Provide
    Arbitrary<Integer> budgets() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1_024, 60_000), Arbitraries.just(DEFAULT_BUDGET));
    }

    /** An offset cursor, like a backend's. */
    private static Page<Issue> slice(PageRequest request) {
        int from = request.cursor().map(cursor -> Integer.parseInt(cursor.value().substring(1))).orElse(0);
        int to = Math.min(ISSUES.size(), from + request.limit().value());
        return new Page<>(ISSUES.subList(from, to), to < ISSUES.size() ? Optional.of(Cursor.of("o" + to)) : Optional.empty());
    }

    private static List<Issue> issues() {
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int titleLength = i % 17 == 0 ? 6_000 : 20 + (i * 37) % 400;
            issues.add(new Issue(IssueId.parse(UUID.randomUUID().toString()), "\"t\"".repeat(titleLength / 3),
                    "description", IssueStatus.UNRESOLVED, Severity.HIGH, "checkout-api", NOW.minusSeconds(3600), NOW,
                    i, i, List.of(new SignalId(UUID.randomUUID()))));
        }
        return List.copyOf(issues);
    }
}
