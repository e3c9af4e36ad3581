package com.lucenthq.mcp.adapters.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.signal.MatchCounts;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bundled dataset (the same file the sample backend serves) as domain values, its relative times resolved
 * against one instant, {@link #asOf()}. Load it once and share it between the three sources.
 */
public final class BundledDataset {

    private static final String RESOURCE = "dataset.json";

    private final Instant asOf;
    private final Map<OrgId, OrgData> orgs;

    private BundledDataset(Instant asOf, Map<OrgId, OrgData> orgs) {
        this.asOf = asOf;
        this.orgs = Map.copyOf(orgs);
    }

    /** The dataset with "N minutes ago" resolved against {@code now}, in whole seconds. */
    public static BundledDataset load(Instant now) {
        Instant asOf = now.truncatedTo(ChronoUnit.SECONDS);
        Map<OrgId, OrgData> orgs = new HashMap<>();
        for (JsonNode org : read().path("orgs")) {
            orgs.put(OrgId.of(org.path("id").textValue()), new OrgData(
                    each(org.path("issues"), entry -> issue(entry, asOf)),
                    each(org.path("signals"), entry -> signal(entry, asOf)),
                    each(org.path("insights"), entry -> insight(entry, asOf))));
        }
        return new BundledDataset(asOf, orgs);
    }

    /** "Now" for the data. */
    Instant asOf() {
        return asOf;
    }

    /** The data of {@code org}; an unknown org simply has none. */
    OrgData org(OrgId org) {
        return orgs.getOrDefault(org, OrgData.EMPTY);
    }

    /** One organization's issues, signals and insights, in file order. */
    record OrgData(List<Issue> issues, List<Signal> signals, List<Insight> insights) {

        static final OrgData EMPTY = new OrgData(List.of(), List.of(), List.of());
    }

    private static JsonNode read() {
        try (InputStream in = BundledDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }

    private static <T> List<T> each(JsonNode array, Function<JsonNode, T> convert) {
        List<T> items = new ArrayList<>();
        array.forEach(entry -> items.add(convert.apply(entry)));
        return List.copyOf(items);
    }

    private static Issue issue(JsonNode entry, Instant asOf) {
        return new Issue(IssueId.parse(text(entry, "id")), text(entry, "title"), text(entry, "description"),
                WireNames.parse("status", text(entry, "status"), IssueStatus.class),
                WireNames.parse("severity", text(entry, "severity"), Severity.class),
                text(entry, "service"), ago(entry, "first_seen_minutes_ago", asOf),
                ago(entry, "last_seen_minutes_ago", asOf), entry.path("occurrences").longValue(),
                entry.path("affected_users").longValue(),
                each(entry.path("signal_ids"), id -> SignalId.parse("signal_id", id.textValue())));
    }

    private static Signal signal(JsonNode entry, Instant asOf) {
        return new Signal(SignalId.parse("id", text(entry, "id")), text(entry, "name"), text(entry, "description"),
                text(entry, "query"), entry.path("enabled").booleanValue(), ago(entry, "created_minutes_ago", asOf),
                new MatchCounts(entry.path("match_count_24h").longValue(), entry.path("match_count_7d").longValue(),
                        entry.path("match_count_30d").longValue()),
                entry.path("last_matched_minutes_ago").isNumber() ? ago(entry, "last_matched_minutes_ago", asOf) : null);
    }

    private static Insight insight(JsonNode entry, Instant asOf) {
        JsonNode signal = entry.path("signal_id");
        return new Insight(InsightId.parse(text(entry, "id")),
                WireNames.parse("kind", text(entry, "kind"), InsightKind.class), text(entry, "title"),
                text(entry, "summary"), WireNames.parse("severity", text(entry, "severity"), Severity.class),
                signal.isTextual() ? SignalId.parse("signal_id", signal.textValue()) : null,
                each(entry.path("issue_ids"), id -> IssueId.parse(id.textValue())), ago(entry, "created_minutes_ago", asOf));
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("the bundled " + RESOURCE + " lacks the text " + field + " in " + entry);
        }
        return value.textValue();
    }

    private static Instant ago(JsonNode entry, String field, Instant asOf) {
        return asOf.minus(Duration.ofMinutes(entry.path(field).longValue()));
    }
}
