package com.lucenthq.mcp.adapters.mcp.tools;

import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.arrayOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.integer;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.object;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.oneOf;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.required;
import static com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.InsightCounts;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.issue.IssueFigures;
import com.lucenthq.mcp.domain.issue.IssueGroup;
import com.lucenthq.mcp.domain.issue.IssueGroupKey;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.issue.TopIssue;
import com.lucenthq.mcp.domain.page.Window;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the summaries, each next to its schema, like {@link DomainJson} for items. */
final class SummaryJson {

    private static final ObjectNode TIME = string("date-time");
    private static final ObjectNode FIGURES = object(required("issues", "occurrences", "affected_users"),
            "issues", integer(), "occurrences", integer(), "affected_users", integer());
    private static final ObjectNode COUNTS = object(required("current", "previous"),
            "current", integer(), "previous", integer());

    static final ObjectNode ISSUE_SUMMARY_SCHEMA = object(
            required("group_by", "status", "since", "until", "previous_since", "groups", "total", "previous_total",
                    "omitted_groups"),
            "group_by", oneOf(names(IssueGrouping.values())),
            "status", oneOf(names(IssueStatusFilter.values())),
            "since", TIME, "until", TIME, "previous_since", TIME,
            "groups", maxItems(arrayOf(JsonSchemas.extend(FIGURES, object(required("key", "previous", "top_issues"),
                    "key", string(), "name", string(), "previous", FIGURES,
                    "top_issues", maxItems(arrayOf(object(required("id", "title"), "id", string("uuid"),
                            "title", string())), IssueSummaryQuery.TOP_ISSUES)))), IssueSummaryQuery.MAX_GROUPS),
            "total", FIGURES, "previous_total", FIGURES, "omitted_groups", integer());

    static final ObjectNode INSIGHT_SUMMARY_SCHEMA = object(
            required("since", "until", "previous_since", "total", "by_kind", "by_severity"),
            "since", TIME, "until", TIME, "previous_since", TIME, "total", COUNTS,
            "by_kind", countsBy(names(InsightKind.values())), "by_severity", countsBy(names(Severity.values())));

    private SummaryJson() {
    }

    /**
     * {@code {group_by, status, since, until, previous_since, groups: [{key, name?, issues, occurrences,
     * affected_users, previous: {…}, top_issues: [{id, title}]}], total, previous_total, omitted_groups}}; a signal's
     * group has the signal's id as key and its name as name.
     */
    static Rendering<IssueSummary> issueSummary(IssueStatusFilter status) {
        return (out, summary) -> {
            out.writeStartObject();
            out.writeStringField("group_by", WireNames.of(summary.groupBy()));
            out.writeStringField("status", WireNames.of(status));
            window(out, summary.window());
            out.writeArrayFieldStart("groups");
            for (IssueGroup group : summary.groups()) {
                group(out, group);
            }
            out.writeEndArray();
            out.writeFieldName("total");
            figures(out, summary.total());
            out.writeFieldName("previous_total");
            figures(out, summary.previousTotal());
            out.writeNumberField("omitted_groups", summary.omittedGroups());
            out.writeEndObject();
        };
    }

    /** {@code {since, until, previous_since, total: {current, previous}, by_kind: {…}, by_severity: {…}}}. */
    static void insightSummary(JsonGenerator out, InsightSummary summary) throws IOException {
        out.writeStartObject();
        window(out, summary.window());
        out.writeFieldName("total");
        counts(out, summary.total());
        countsBy(out, "by_kind", summary.byKind());
        countsBy(out, "by_severity", summary.bySeverity());
        out.writeEndObject();
    }

    private static void group(JsonGenerator out, IssueGroup group) throws IOException {
        out.writeStartObject();
        switch (group.key()) {
            case IssueGroupKey.BySeverity key -> out.writeStringField("key", WireNames.of(key.severity()));
            case IssueGroupKey.ByStatus key -> out.writeStringField("key", WireNames.of(key.status()));
            case IssueGroupKey.ByService key -> out.writeStringField("key", key.service());
            case IssueGroupKey.BySignal key -> {
                out.writeStringField("key", key.signal().toString());
                out.writeStringField("name", key.name());
            }
        }
        figureFields(out, group.current());
        out.writeFieldName("previous");
        figures(out, group.previous());
        out.writeArrayFieldStart("top_issues");
        for (TopIssue top : group.topIssues()) {
            out.writeStartObject();
            out.writeStringField("id", top.id().toString());
            out.writeStringField("title", top.title());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void window(JsonGenerator out, Window window) throws IOException {
        IsoInstant.writeField(out, "since", window.since());
        IsoInstant.writeField(out, "until", window.until());
        IsoInstant.writeField(out, "previous_since", window.previous().since());
    }

    private static void figures(JsonGenerator out, IssueFigures figures) throws IOException {
        out.writeStartObject();
        figureFields(out, figures);
        out.writeEndObject();
    }

    private static void figureFields(JsonGenerator out, IssueFigures figures) throws IOException {
        out.writeNumberField("issues", figures.issues());
        out.writeNumberField("occurrences", figures.occurrences());
        out.writeNumberField("affected_users", figures.affectedUsers());
    }

    private static void counts(JsonGenerator out, InsightCounts counts) throws IOException {
        out.writeStartObject();
        out.writeNumberField("current", counts.current());
        out.writeNumberField("previous", counts.previous());
        out.writeEndObject();
    }

    private static <K extends Enum<K>> void countsBy(JsonGenerator out, String field, Map<K, InsightCounts> counts)
            throws IOException {
        out.writeObjectFieldStart(field);
        for (Map.Entry<K, InsightCounts> entry : counts.entrySet()) {
            out.writeFieldName(WireNames.of(entry.getKey()));
            counts(out, entry.getValue());
        }
        out.writeEndObject();
    }

    private static ObjectNode countsBy(List<String> keys) {
        Object[] namesAndSchemas = new Object[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            namesAndSchemas[2 * i] = keys.get(i);
            namesAndSchemas[2 * i + 1] = COUNTS;
        }
        return object(keys.toArray(String[]::new), namesAndSchemas);
    }

    private static ObjectNode maxItems(ObjectNode arraySchema, int max) {
        return arraySchema.put("maxItems", max);
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(WireNames::of).toList();
    }
}
