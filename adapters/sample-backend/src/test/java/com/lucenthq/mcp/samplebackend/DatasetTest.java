package com.lucenthq.mcp.samplebackend;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.proto.data.v1.Insight;
import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.Severity;
import com.lucenthq.mcp.proto.data.v1.Signal;
import com.lucenthq.mcp.samplebackend.Dataset.OrgData;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetTest {

    private static final Instant NOW = InProcessBackend.NOW;
    private static final String KNOWN_ISSUE = "87b3a6b6-5af5-438b-a39c-eff148a68ccb";

    private final Dataset dataset = Dataset.load(NOW);

    @ParameterizedTest
    @ValueSource(strings = {"acme", "globex"})
    void everyOrgHasIssuesOfEveryStatusAndSeverity(String orgId) {
        List<Issue> issues = dataset.org(orgId).issues();
        assertTrue(issues.size() >= 40, "issues: " + issues.size());
        assertEquals(EnumSet.of(IssueStatus.ISSUE_STATUS_UNRESOLVED, IssueStatus.ISSUE_STATUS_RESOLVED,
                IssueStatus.ISSUE_STATUS_IGNORED), issues.stream().map(Issue::getStatus).collect(Collectors.toSet()));
        assertEquals(EnumSet.of(Severity.SEVERITY_LOW, Severity.SEVERITY_MEDIUM, Severity.SEVERITY_HIGH,
                Severity.SEVERITY_CRITICAL), issues.stream().map(Issue::getSeverity).collect(Collectors.toSet()));
        for (Issue issue : issues) {
            assertAll(issue.getId(),
                    () -> assertEquals(orgId, issue.getOrgId()),
                    () -> assertFalse(Times.instant(issue.getLastSeen()).isAfter(NOW)),
                    () -> assertFalse(Times.instant(issue.getFirstSeen()).isAfter(Times.instant(issue.getLastSeen()))),
                    () -> assertTrue(issue.getAffectedUsers() <= issue.getOccurrences()),
                    () -> assertTrue(issue.getOccurrences() > 0));
        }
        assertTrue(issues.stream().anyMatch(issue -> issue.getSignalIdsCount() > 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "globex"})
    void everyOrgHasEnabledDisabledAndNeverMatchedSignalsWithConsistentCounts(String orgId) {
        List<Signal> signals = dataset.org(orgId).signals();
        assertTrue(signals.size() >= 12, "signals: " + signals.size());
        assertTrue(signals.stream().anyMatch(Signal::getEnabled));
        assertTrue(signals.stream().anyMatch(signal -> !signal.getEnabled()));
        assertTrue(signals.stream().anyMatch(signal -> !signal.hasLastMatchedAt()));
        for (Signal signal : signals) {
            assertAll(signal.getName(),
                    () -> assertTrue(signal.getMatchCount24H() <= signal.getMatchCount7D()),
                    () -> assertTrue(signal.getMatchCount7D() <= signal.getMatchCount30D()),
                    () -> assertEquals(signal.hasLastMatchedAt(), signal.getMatchCount30D() > 0),
                    () -> assertFalse(Times.instant(signal.getCreatedAt()).isAfter(NOW)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "globex"})
    void everyOrgHasInsightsOfEveryKindOverTheLastThirtyDays(String orgId) {
        List<Insight> insights = dataset.org(orgId).insights();
        assertTrue(insights.size() >= 30, "insights: " + insights.size());
        assertEquals(Set.of("anomaly", "trend", "regression", "correlation", "digest"),
                insights.stream().map(Insight::getKind).collect(Collectors.toSet()));
        Instant weekAgo = NOW.minus(Duration.ofDays(7));
        Instant monthAgo = NOW.minus(Duration.ofDays(30));
        List<Instant> created = insights.stream().map(insight -> Times.instant(insight.getCreatedAt())).toList();
        assertTrue(created.stream().allMatch(at -> at.isAfter(monthAgo) && !at.isAfter(NOW)));
        assertTrue(created.stream().filter(at -> at.isAfter(weekAgo)).count() >= 5, "insights of the last week");
        assertTrue(created.stream().filter(at -> at.isBefore(weekAgo)).count() >= 5, "older insights");
        assertTrue(insights.stream().anyMatch(insight -> !insight.getSignalId().isEmpty()));
        assertTrue(insights.stream().anyMatch(insight -> insight.getIssueIdsCount() > 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "globex"})
    void referencesStayInsideTheOrg(String orgId) {
        OrgData org = dataset.org(orgId);
        for (Issue issue : org.issues()) {
            issue.getSignalIdsList().forEach(id -> assertTrue(org.signal(id).isPresent(), issue.getId() + " -> " + id));
        }
        for (Insight insight : org.insights()) {
            insight.getIssueIdsList().forEach(id -> assertTrue(org.issue(id).isPresent(), insight.getId() + " -> " + id));
            if (!insight.getSignalId().isEmpty()) {
                assertTrue(org.signal(insight.getSignalId()).isPresent(), insight.getId() + " -> signal");
            }
        }
    }

    @Test
    void idsAreCanonicalUuidsUniqueAcrossOrgs() {
        List<String> ids = Stream.of("acme", "globex")
                .map(dataset::org)
                .flatMap(org -> Stream.of(org.issues().stream().map(Issue::getId),
                        org.signals().stream().map(Signal::getId), org.insights().stream().map(Insight::getId)))
                .flatMap(stream -> stream)
                .toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate ids");
        ids.forEach(id -> assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id));
    }

    @Test
    void theIssueOfTheProductPromptIsAnUnresolvedCriticalAcmeIssueWithRelatedObjects() {
        Issue issue = dataset.org("acme").issue(KNOWN_ISSUE).orElseThrow();
        assertEquals(IssueStatus.ISSUE_STATUS_UNRESOLVED, issue.getStatus());
        assertEquals(Severity.SEVERITY_CRITICAL, issue.getSeverity());
        assertTrue(issue.getSignalIdsCount() >= 2);
        assertTrue(dataset.org("acme").insights().stream()
                .filter(insight -> insight.getIssueIdsList().contains(KNOWN_ISSUE)).count() >= 2);
        assertTrue(dataset.org("globex").issue(KNOWN_ISSUE).isEmpty());
    }

    @Test
    void timesAreRelativeToTheClock() {
        Issue atNow = Dataset.load(NOW).org("acme").issue(KNOWN_ISSUE).orElseThrow();
        Issue dayLater = Dataset.load(NOW.plus(Duration.ofDays(1))).org("acme").issue(KNOWN_ISSUE).orElseThrow();
        assertEquals(Duration.ofDays(1),
                Duration.between(Times.instant(atNow.getLastSeen()), Times.instant(dayLater.getLastSeen())));
    }

    @Test
    void anUnknownOrgHasNoData() {
        OrgData org = dataset.org("initech");
        assertTrue(org.issues().isEmpty() && org.signals().isEmpty() && org.insights().isEmpty());
    }
}
