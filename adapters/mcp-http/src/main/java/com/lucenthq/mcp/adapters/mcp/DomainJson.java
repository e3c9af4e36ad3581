package com.lucenthq.mcp.adapters.mcp;

import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.bool;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.extend;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.integer;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.nullableString;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.oneOf;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.required;
import static com.lucenthq.mcp.adapters.mcp.JsonSchemas.string;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.RelatedInsight;
import com.lucenthq.mcp.domain.issue.RelatedSignal;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.Signal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON shapes of issues, signals and insights in tool results, each next to its schema so the
 * two cannot drift apart. Field names are snake_case; times are ISO-8601 in UTC.
 */
final class DomainJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectNode ISSUE_STATUS = oneOf(names(IssueStatus.values()));
    private static final ObjectNode SEVERITY = oneOf(names(Severity.values()));
    private static final ObjectNode INSIGHT_KIND = oneOf(names(InsightKind.values()));
    private static final ObjectNode UUID = string("uuid");
    private static final ObjectNode TIME = string("date-time");

    static final ObjectNode ISSUE_SCHEMA = object(
            required("id", "title", "status", "severity", "service", "first_seen", "last_seen", "occurrences",
                    "affected_users", "signal_ids"),
            "id", UUID, "title", string(), "status", ISSUE_STATUS, "severity", SEVERITY, "service", string(),
            "first_seen", TIME, "last_seen", TIME, "occurrences", integer(), "affected_users", integer(),
            "signal_ids", arrayOf(UUID));

    static final ObjectNode ISSUE_DETAIL_SCHEMA = extend(ISSUE_SCHEMA, object(
            required("description", "timeline", "related_signals", "related_insights"),
            "description", string(),
            "timeline", arrayOf(object(required("date", "occurrences"), "date", string("date"), "occurrences", integer())),
            "related_signals", arrayOf(object(required("id", "name"), "id", UUID, "name", string())),
            "related_insights", arrayOf(object(required("id", "title", "kind", "created_at"),
                    "id", UUID, "title", string(), "kind", INSIGHT_KIND, "created_at", TIME))));

    static final ObjectNode SIGNAL_SCHEMA = object(
            required("id", "name", "description", "query", "enabled", "created_at", "match_count", "last_matched_at"),
            "id", UUID, "name", string(), "description", string(), "query", string(), "enabled", bool(),
            "created_at", TIME, "match_count", integer(), "last_matched_at", nullableString("date-time"));

    static final ObjectNode SIGNAL_DETAIL_SCHEMA = object(
            required("id", "name", "description", "query", "enabled", "created_at", "match_counts", "last_matched_at"),
            "id", UUID, "name", string(), "description", string(), "query", string(), "enabled", bool(),
            "created_at", TIME,
            "match_counts", object(required("24h", "7d", "30d"), "24h", integer(), "7d", integer(), "30d", integer()),
            "last_matched_at", nullableString("date-time"));

    static final ObjectNode INSIGHT_SCHEMA = object(
            required("id", "kind", "title", "summary", "severity", "signal_id", "issue_ids", "created_at"),
            "id", UUID, "kind", INSIGHT_KIND, "title", string(), "summary", string(), "severity", SEVERITY,
            "signal_id", nullableString("uuid"), "issue_ids", arrayOf(UUID), "created_at", TIME);

    static final ObjectNode NEXT_CURSOR_SCHEMA = nullableString(null);

    /** True when the page was cut short to fit the response-size budget; {@code next_cursor} then continues it. */
    static final ObjectNode TRUNCATED_SCHEMA = bool();

    private DomainJson() {
    }

    static ObjectNode issue(Issue issue) {
        ObjectNode json = NODES.objectNode()
                .put("id", issue.id().toString())
                .put("title", issue.title())
                .put("status", WireNames.of(issue.status()))
                .put("severity", WireNames.of(issue.severity()))
                .put("service", issue.service())
                .put("first_seen", time(issue.firstSeen()))
                .put("last_seen", time(issue.lastSeen()))
                .put("occurrences", issue.occurrences())
                .put("affected_users", issue.affectedUsers());
        ArrayNode signalIds = json.putArray("signal_ids");
        issue.signalIds().forEach(id -> signalIds.add(id.toString()));
        return json;
    }

    static ObjectNode issueDetail(IssueDetail detail) {
        ObjectNode json = issue(detail.issue()).put("description", detail.issue().description());
        json.set("timeline", array(detail.timeline(), DomainJson::dailyCount));
        json.set("related_signals", array(detail.relatedSignals(), DomainJson::relatedSignal));
        json.set("related_insights", array(detail.relatedInsights(), DomainJson::relatedInsight));
        return json;
    }

    static ObjectNode signal(Signal signal, MatchWindow window) {
        ObjectNode json = signalBase(signal).put("match_count", signal.matchCounts().in(window));
        return json.put("last_matched_at", signal.lastMatched().map(DomainJson::time).orElse(null));
    }

    static ObjectNode signalDetail(Signal signal) {
        ObjectNode json = signalBase(signal);
        ObjectNode counts = json.putObject("match_counts");
        for (MatchWindow window : MatchWindow.values()) {
            counts.put(window.label(), signal.matchCounts().in(window));
        }
        return json.put("last_matched_at", signal.lastMatched().map(DomainJson::time).orElse(null));
    }

    static ObjectNode insight(Insight insight) {
        ObjectNode json = NODES.objectNode()
                .put("id", insight.id().toString())
                .put("kind", WireNames.of(insight.kind()))
                .put("title", insight.title())
                .put("summary", insight.summary())
                .put("severity", WireNames.of(insight.severity()))
                .put("signal_id", insight.signal().map(Object::toString).orElse(null));
        ArrayNode issueIds = json.putArray("issue_ids");
        insight.issueIds().forEach(id -> issueIds.add(id.toString()));
        return json.put("created_at", time(insight.createdAt()));
    }

    static String time(Instant instant) {
        return instant.toString();
    }

    private static ObjectNode signalBase(Signal signal) {
        return NODES.objectNode()
                .put("id", signal.id().toString())
                .put("name", signal.name())
                .put("description", signal.description())
                .put("query", signal.query())
                .put("enabled", signal.enabled())
                .put("created_at", time(signal.createdAt()));
    }

    private static ObjectNode dailyCount(DailyCount count) {
        return NODES.objectNode().put("date", count.date().toString()).put("occurrences", count.occurrences());
    }

    private static ObjectNode relatedSignal(RelatedSignal signal) {
        return NODES.objectNode().put("id", signal.id().toString()).put("name", signal.name());
    }

    private static ObjectNode relatedInsight(RelatedInsight insight) {
        return NODES.objectNode()
                .put("id", insight.id().toString())
                .put("title", insight.title())
                .put("kind", WireNames.of(insight.kind()))
                .put("created_at", time(insight.createdAt()));
    }

    private static <T> ArrayNode array(List<T> items, Function<T, ObjectNode> render) {
        ArrayNode array = NODES.arrayNode(items.size());
        items.forEach(item -> array.add(render.apply(item)));
        return array;
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(WireNames::of).toList();
    }
}
