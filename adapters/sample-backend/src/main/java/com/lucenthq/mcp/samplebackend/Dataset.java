package com.lucenthq.mcp.samplebackend;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.lucenthq.mcp.proto.data.v1.Insight;
import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.Severity;
import com.lucenthq.mcp.proto.data.v1.Signal;
import com.lucenthq.mcp.samplebackend.DatasetFile.InsightEntry;
import com.lucenthq.mcp.samplebackend.DatasetFile.IssueEntry;
import com.lucenthq.mcp.samplebackend.DatasetFile.OrgEntry;
import com.lucenthq.mcp.samplebackend.DatasetFile.SignalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The bundled dataset with its relative times resolved against one instant, {@link #asOf()}. */
final class Dataset {

    private static final String RESOURCE = "dataset.json";

    private final Instant asOf;
    private final Map<String, OrgData> orgs;

    private final Map<String, String> displayNames;

    private Dataset(Instant asOf, Map<String, OrgData> orgs, Map<String, String> displayNames) {
        this.asOf = asOf;
        this.orgs = orgs;
        this.displayNames = displayNames;
    }

    static Dataset load(Instant now) {
        // Whole seconds keep the timestamps in answers readable.
        Instant asOf = now.truncatedTo(ChronoUnit.SECONDS);
        DatasetFile file = read();
        Map<String, OrgData> orgs = file.orgs().stream()
                .collect(Collectors.toUnmodifiableMap(OrgEntry::id, org -> resolve(org, asOf)));
        Map<String, String> displayNames = file.orgs().stream()
                .collect(Collectors.toUnmodifiableMap(OrgEntry::id, org -> org.name() == null ? "" : org.name()));
        return new Dataset(asOf, orgs, displayNames);
    }

    /** The instant the relative times were resolved against: "now" for the data. */
    Instant asOf() {
        return asOf;
    }

    /** The display name of every org in the dataset, by id. */
    Map<String, String> displayNames() {
        return displayNames;
    }

    /** The data of {@code orgId}; an unknown org simply has none, as with a real service. */
    OrgData org(String orgId) {
        return orgs.getOrDefault(orgId, OrgData.EMPTY);
    }

    private static DatasetFile read() {
        ObjectMapper json = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try (InputStream in = Dataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the classpath");
            }
            return json.readValue(in, DatasetFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }

    private static OrgData resolve(OrgEntry org, Instant asOf) {
        return new OrgData(
                org.issues().stream().map(entry -> issue(org.id(), entry, asOf)).toList(),
                org.signals().stream().map(entry -> signal(org.id(), entry, asOf)).toList(),
                org.insights().stream().map(entry -> insight(org.id(), entry, asOf)).toList());
    }

    private static Issue issue(String orgId, IssueEntry entry, Instant asOf) {
        return Issue.newBuilder()
                .setId(entry.id())
                .setOrgId(orgId)
                .setTitle(entry.title())
                .setDescription(entry.description())
                .setStatus(IssueStatus.valueOf("ISSUE_STATUS_" + upper(entry.status())))
                .setSeverity(severity(entry.severity()))
                .setService(entry.service())
                .setFirstSeen(Times.timestamp(minutesBefore(asOf, entry.firstSeenMinutesAgo())))
                .setLastSeen(Times.timestamp(minutesBefore(asOf, entry.lastSeenMinutesAgo())))
                .setOccurrences(entry.occurrences())
                .setAffectedUsers(entry.affectedUsers())
                .addAllSignalIds(entry.signalIds())
                .build();
    }

    private static Signal signal(String orgId, SignalEntry entry, Instant asOf) {
        Signal.Builder signal = Signal.newBuilder()
                .setId(entry.id())
                .setOrgId(orgId)
                .setName(entry.name())
                .setDescription(entry.description())
                .setQuery(entry.query())
                .setEnabled(entry.enabled())
                .setCreatedAt(Times.timestamp(minutesBefore(asOf, entry.createdMinutesAgo())))
                .setMatchCount24H(entry.matchCount24h())
                .setMatchCount7D(entry.matchCount7d())
                .setMatchCount30D(entry.matchCount30d());
        if (entry.lastMatchedMinutesAgo() != null) {
            signal.setLastMatchedAt(Times.timestamp(minutesBefore(asOf, entry.lastMatchedMinutesAgo())));
        }
        return signal.build();
    }

    private static Insight insight(String orgId, InsightEntry entry, Instant asOf) {
        Insight.Builder insight = Insight.newBuilder()
                .setId(entry.id())
                .setOrgId(orgId)
                .setKind(entry.kind())
                .setTitle(entry.title())
                .setSummary(entry.summary())
                .setSeverity(severity(entry.severity()))
                .addAllIssueIds(entry.issueIds())
                .setCreatedAt(Times.timestamp(minutesBefore(asOf, entry.createdMinutesAgo())));
        if (entry.signalId() != null) {
            insight.setSignalId(entry.signalId());
        }
        return insight.build();
    }

    private static Severity severity(String name) {
        return Severity.valueOf("SEVERITY_" + upper(name));
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static Instant minutesBefore(Instant asOf, long minutes) {
        return asOf.minus(Duration.ofMinutes(minutes));
    }

    /** One organization's issues, signals and insights, in file order, with lookups by id. */
    record OrgData(List<Issue> issues, List<Signal> signals, List<Insight> insights,
                   Map<String, Issue> issuesById, Map<String, Signal> signalsById, Map<String, Insight> insightsById) {

        static final OrgData EMPTY = new OrgData(List.of(), List.of(), List.of());

        OrgData(List<Issue> issues, List<Signal> signals, List<Insight> insights) {
            this(issues, signals, insights, byId(issues, Issue::getId), byId(signals, Signal::getId),
                    byId(insights, Insight::getId));
        }

        Optional<Issue> issue(String id) {
            return Optional.ofNullable(issuesById.get(id));
        }

        Optional<Signal> signal(String id) {
            return Optional.ofNullable(signalsById.get(id));
        }

        Optional<Insight> insight(String id) {
            return Optional.ofNullable(insightsById.get(id));
        }

        private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
            return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
        }
    }
}
