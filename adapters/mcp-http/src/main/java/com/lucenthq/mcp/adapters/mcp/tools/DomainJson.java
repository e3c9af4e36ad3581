package com.lucenthq.mcp.adapters.mcp.tools;

import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.bool;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.extend;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.integer;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.nullableString;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.oneOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.required;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.detail.RelatedInsight;
import com.lucenthq.mcp.domain.detail.RelatedSignal;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.Signal;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON shapes of issues, signals and insights in tool results, each next to its schema so the
 * two cannot drift apart. Field names are snake_case; times are ISO-8601 in UTC
 * ({@link IsoInstant}).
 */
public final class DomainJson {

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

    static void issue(JsonGenerator out, Issue issue) throws IOException {
        out.writeStartObject();
        issueFields(out, issue);
        out.writeEndObject();
    }

    public static void issueDetail(JsonGenerator out, IssueDetail detail) throws IOException {
        out.writeStartObject();
        issueFields(out, detail.issue());
        out.writeStringField("description", detail.issue().description());
        array(out, "timeline", detail.timeline(), DomainJson::dailyCount);
        array(out, "related_signals", detail.relatedSignals(), DomainJson::relatedSignal);
        array(out, "related_insights", detail.relatedInsights(), DomainJson::relatedInsight);
        out.writeEndObject();
    }

    /** A signal with its match count over {@code window}. */
    static Rendering<Signal> signal(MatchWindow window) {
        return (out, signal) -> {
            out.writeStartObject();
            signalFields(out, signal);
            out.writeNumberField("match_count", signal.matchCounts().in(window));
            out.writeStringField("last_matched_at", signal.lastMatched().map(IsoInstant::format).orElse(null));
            out.writeEndObject();
        };
    }

    public static void signalDetail(JsonGenerator out, Signal signal) throws IOException {
        out.writeStartObject();
        signalFields(out, signal);
        out.writeObjectFieldStart("match_counts");
        for (MatchWindow window : MatchWindow.values()) {
            out.writeNumberField(window.label(), signal.matchCounts().in(window));
        }
        out.writeEndObject();
        out.writeStringField("last_matched_at", signal.lastMatched().map(IsoInstant::format).orElse(null));
        out.writeEndObject();
    }

    public static void insight(JsonGenerator out, Insight insight) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", insight.id().toString());
        out.writeStringField("kind", WireNames.of(insight.kind()));
        out.writeStringField("title", insight.title());
        out.writeStringField("summary", insight.summary());
        out.writeStringField("severity", WireNames.of(insight.severity()));
        out.writeStringField("signal_id", insight.signal().map(Object::toString).orElse(null));
        out.writeArrayFieldStart("issue_ids");
        for (var id : insight.issueIds()) {
            out.writeString(id.toString());
        }
        out.writeEndArray();
        IsoInstant.writeField(out, "created_at", insight.createdAt());
        out.writeEndObject();
    }

    private static void issueFields(JsonGenerator out, Issue issue) throws IOException {
        out.writeStringField("id", issue.id().toString());
        out.writeStringField("title", issue.title());
        out.writeStringField("status", WireNames.of(issue.status()));
        out.writeStringField("severity", WireNames.of(issue.severity()));
        out.writeStringField("service", issue.service());
        IsoInstant.writeField(out, "first_seen", issue.firstSeen());
        IsoInstant.writeField(out, "last_seen", issue.lastSeen());
        out.writeNumberField("occurrences", issue.occurrences());
        out.writeNumberField("affected_users", issue.affectedUsers());
        out.writeArrayFieldStart("signal_ids");
        for (var id : issue.signalIds()) {
            out.writeString(id.toString());
        }
        out.writeEndArray();
    }

    private static void signalFields(JsonGenerator out, Signal signal) throws IOException {
        out.writeStringField("id", signal.id().toString());
        out.writeStringField("name", signal.name());
        out.writeStringField("description", signal.description());
        out.writeStringField("query", signal.query());
        out.writeBooleanField("enabled", signal.enabled());
        IsoInstant.writeField(out, "created_at", signal.createdAt());
    }

    private static void dailyCount(JsonGenerator out, DailyCount count) throws IOException {
        out.writeStartObject();
        out.writeStringField("date", count.date().toString());
        out.writeNumberField("occurrences", count.occurrences());
        out.writeEndObject();
    }

    private static void relatedSignal(JsonGenerator out, RelatedSignal signal) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", signal.id().toString());
        out.writeStringField("name", signal.name());
        out.writeEndObject();
    }

    private static void relatedInsight(JsonGenerator out, RelatedInsight insight) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", insight.id().toString());
        out.writeStringField("title", insight.title());
        out.writeStringField("kind", WireNames.of(insight.kind()));
        IsoInstant.writeField(out, "created_at", insight.createdAt());
        out.writeEndObject();
    }

    private static <T> void array(JsonGenerator out, String field, List<T> items, Rendering<T> render)
            throws IOException {
        out.writeArrayFieldStart(field);
        for (T item : items) {
            render.write(out, item);
        }
        out.writeEndArray();
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(WireNames::of).toList();
    }
}
