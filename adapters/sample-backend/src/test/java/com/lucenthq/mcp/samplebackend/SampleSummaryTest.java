package com.lucenthq.mcp.samplebackend;

import static com.lucenthq.mcp.samplebackend.InProcessBackend.NOW;
import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertInvalid;
import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertOrdered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.proto.data.v1.Insight;
import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueFigures;
import com.lucenthq.mcp.proto.data.v1.IssueGroup;
import com.lucenthq.mcp.proto.data.v1.IssueGrouping;
import com.lucenthq.mcp.proto.data.v1.IssueRef;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.ListInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.ListInsightsResponse;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.SummarizeInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.SummarizeInsightsResponse;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The summaries agree, count for count, with what the list calls return for the same filters, in each org alone. */
class SampleSummaryTest {

    private static final TimeRange LAST_WEEK = range(NOW.minus(Duration.ofDays(7)), NOW);
    private static final TimeRange LAST_DAY = range(NOW.minus(Duration.ofDays(1)), NOW);
    private static final TimeRange LAST_THIRTY_DAYS = range(NOW.minus(Duration.ofDays(30)), NOW);

    private static InProcessBackend backend;

    @BeforeAll
    static void start() {
        backend = new InProcessBackend();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    static Stream<Arguments> issueSummaries() {
        List<Arguments> cases = new ArrayList<>();
        for (String org : List.of("acme", "globex")) {
            for (IssueGrouping grouping : List.of(IssueGrouping.ISSUE_GROUPING_SEVERITY, IssueGrouping.ISSUE_GROUPING_STATUS,
                    IssueGrouping.ISSUE_GROUPING_SERVICE, IssueGrouping.ISSUE_GROUPING_SIGNAL)) {
                for (List<IssueStatus> statuses : List.of(List.of(IssueStatus.ISSUE_STATUS_UNRESOLVED), List.<IssueStatus>of())) {
                    for (TimeRange window : List.of(LAST_WEEK, LAST_DAY, LAST_THIRTY_DAYS)) {
                        cases.add(Arguments.of(org, grouping, statuses, window));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("issueSummaries")
    void everyIssueCountMatchesTheListWithTheSameFilters(String org, IssueGrouping grouping, List<IssueStatus> statuses,
                                                        TimeRange window) {
        SummarizeIssuesResponse summary = backend.issues().summarizeIssues(SummarizeIssuesRequest.newBuilder()
                .setOrgId(org).setGroupBy(grouping).addAllStatuses(statuses).setLastSeen(window).build());
        List<Issue> current = listed(org, statuses, window);
        List<Issue> previous = listed(org, statuses, previous(window));

        assertEquals(figures(current), summary.getTotal());
        assertEquals(figures(previous), summary.getPreviousTotal());
        Map<String, List<Issue>> currentGroups = groups(current, grouping);
        Map<String, List<Issue>> previousGroups = groups(previous, grouping);
        Set<String> keys = summary.getGroupsList().stream().map(SampleSummaryTest::key).collect(Collectors.toSet());
        assertEquals(summary.getGroupsCount(), keys.size(), "a group came twice");
        assertEquals(union(currentGroups.keySet(), previousGroups.keySet()), keys);
        assertEquals(0, summary.getOmittedGroups());
        for (IssueGroup group : summary.getGroupsList()) {
            List<Issue> inGroup = currentGroups.getOrDefault(key(group), List.of());
            assertEquals(figures(inGroup), group.getCurrent(), key(group));
            assertEquals(figures(previousGroups.getOrDefault(key(group), List.of())), group.getPrevious(), key(group));
            List<IssueRef> top = inGroup.stream()
                    .sorted(Comparator.comparingInt(Issue::getSeverityValue).reversed()
                            .thenComparing(Comparator.comparingLong(Issue::getOccurrences).reversed())
                            .thenComparing(Issue::getLastSeen, Times.CHRONOLOGICAL.reversed())
                            .thenComparing(Issue::getId))
                    .limit(3)
                    .map(issue -> IssueRef.newBuilder().setId(issue.getId()).setTitle(issue.getTitle()).build())
                    .toList();
            assertEquals(top, group.getTopIssuesList(), key(group));
        }
    }

    @Test
    void severityGroupsComeMostSevereFirstAndServicesMostIssuesFirst() {
        assertOrdered(summarize("acme", IssueGrouping.ISSUE_GROUPING_UNSPECIFIED).getGroupsList(),
                Comparator.comparingInt(IssueGroup::getSeverityValue).reversed());
        List<IssueGroup> services = summarize("acme", IssueGrouping.ISSUE_GROUPING_SERVICE).getGroupsList();
        assertTrue(services.size() > 3, "the fixture needs several services in the last week");
        assertOrdered(services, Comparator.comparingLong((IssueGroup group) -> group.getCurrent().getIssues()).reversed());
    }

    @Test
    void groupsBeyondTheMaximumAreOnlyCounted() {
        SummarizeIssuesResponse all = summarize("acme", IssueGrouping.ISSUE_GROUPING_SERVICE);
        SummarizeIssuesResponse two = backend.issues().summarizeIssues(SummarizeIssuesRequest.newBuilder()
                .setOrgId("acme").setGroupBy(IssueGrouping.ISSUE_GROUPING_SERVICE)
                .addStatuses(IssueStatus.ISSUE_STATUS_UNRESOLVED).setLastSeen(LAST_WEEK).setMaxGroups(2).build());

        assertEquals(all.getGroupsList().subList(0, 2), two.getGroupsList());
        assertEquals(all.getGroupsCount() - 2, two.getOmittedGroups());
        assertEquals(all.getTotal(), two.getTotal());
    }

    @Test
    void anOrgsSummaryNamesOnlyItsOwnIssues() {
        Set<String> ofGlobex = backend.dataset.org("globex").issues().stream().map(Issue::getId).collect(Collectors.toSet());
        for (IssueGrouping grouping : List.of(IssueGrouping.ISSUE_GROUPING_SEVERITY, IssueGrouping.ISSUE_GROUPING_SIGNAL)) {
            List<String> named = summarize("globex", grouping).getGroupsList().stream()
                    .flatMap(group -> group.getTopIssuesList().stream()).map(IssueRef::getId).toList();
            assertFalse(named.isEmpty());
            assertTrue(ofGlobex.containsAll(named), named.toString());
        }
        assertEquals(IssueFigures.getDefaultInstance(), backend.issues().summarizeIssues(SummarizeIssuesRequest
                .newBuilder().setOrgId("initech").setLastSeen(LAST_WEEK).build()).getTotal(), "an unknown org has nothing");
    }

    @Test
    void refusesRequestsWithoutAWholeWindowOrWithTooManyGroups() {
        assertInvalid("org_id", () -> backend.issues().summarizeIssues(SummarizeIssuesRequest.newBuilder()
                .setLastSeen(LAST_WEEK).build()));
        assertInvalid("last_seen", () -> backend.issues().summarizeIssues(SummarizeIssuesRequest.newBuilder()
                .setOrgId("acme").setLastSeen(TimeRange.newBuilder().setStart(LAST_WEEK.getStart())).build()));
        assertInvalid("last_seen.start", () -> backend.issues().summarizeIssues(SummarizeIssuesRequest.newBuilder()
                .setOrgId("acme").setLastSeen(TimeRange.newBuilder().setStart(LAST_WEEK.getEnd())
                        .setEnd(LAST_WEEK.getStart())).build()));
        assertInvalid("max_groups", () -> backend.issues().summarizeIssues(SummarizeIssuesRequest.newBuilder()
                .setOrgId("acme").setLastSeen(LAST_WEEK).setMaxGroups(51).build()));
        assertInvalid("created", () -> backend.insights().summarizeInsights(SummarizeInsightsRequest.newBuilder()
                .setOrgId("acme").build()));
    }

    @ParameterizedTest
    @MethodSource("insightWindows")
    void everyInsightCountMatchesTheListOfTheSameWindow(String org, TimeRange window) {
        SummarizeInsightsResponse summary = backend.insights().summarizeInsights(SummarizeInsightsRequest.newBuilder()
                .setOrgId(org).setCreated(window).build());
        List<Insight> current = insights(org, window);
        List<Insight> previous = insights(org, previous(window));

        Map<String, long[]> byKind = new HashMap<>();
        summary.getByKindList().forEach(count -> byKind.put(count.getKind(), new long[] {count.getCurrent(), count.getPrevious()}));
        Map<String, long[]> bySeverity = new HashMap<>();
        summary.getBySeverityList().forEach(count -> bySeverity.put(count.getSeverity().name(),
                new long[] {count.getCurrent(), count.getPrevious()}));
        assertCounts(counts(current, Insight::getKind), counts(previous, Insight::getKind), byKind);
        assertCounts(counts(current, insight -> insight.getSeverity().name()),
                counts(previous, insight -> insight.getSeverity().name()), bySeverity);
        assertFalse(current.isEmpty() && previous.isEmpty(), "the fixture needs insights in " + window);
    }

    static Stream<Arguments> insightWindows() {
        return Stream.of("acme", "globex").flatMap(org -> Stream.of(LAST_WEEK, LAST_DAY, LAST_THIRTY_DAYS)
                .map(window -> Arguments.of(org, window)));
    }

    private static void assertCounts(Map<String, Long> current, Map<String, Long> previous, Map<String, long[]> actual) {
        assertEquals(union(current.keySet(), previous.keySet()), actual.keySet());
        actual.forEach((key, counts) -> {
            assertEquals(current.getOrDefault(key, 0L), counts[0], key);
            assertEquals(previous.getOrDefault(key, 0L), counts[1], key);
        });
    }

    private static SummarizeIssuesResponse summarize(String org, IssueGrouping grouping) {
        return backend.issues().summarizeIssues(SummarizeIssuesRequest.newBuilder().setOrgId(org).setGroupBy(grouping)
                .addStatuses(IssueStatus.ISSUE_STATUS_UNRESOLVED).setLastSeen(LAST_WEEK).build());
    }

    private static List<Issue> listed(String org, List<IssueStatus> statuses, TimeRange lastSeen) {
        ListIssuesResponse page = backend.issues().listIssues(ListIssuesRequest.newBuilder().setOrgId(org)
                .addAllStatuses(statuses).setLastSeen(lastSeen).setPageSize(100).build());
        assertEquals("", page.getNextPageToken(), "more than one page");
        assertTrue(page.getIssuesList().stream().allMatch(issue -> issue.getOrgId().equals(org)));
        return page.getIssuesList();
    }

    private static List<Insight> insights(String org, TimeRange created) {
        ListInsightsResponse page = backend.insights().listInsights(ListInsightsRequest.newBuilder().setOrgId(org)
                .setCreated(created).setPageSize(100).build());
        assertEquals("", page.getNextPageToken(), "more than one page");
        return page.getInsightsList();
    }

    /** The listed issues by the key of the groups they count in. */
    private static Map<String, List<Issue>> groups(List<Issue> issues, IssueGrouping grouping) {
        Map<String, List<Issue>> groups = new HashMap<>();
        for (Issue issue : issues) {
            List<String> keys = switch (grouping) {
                case ISSUE_GROUPING_STATUS -> List.of(issue.getStatus().name());
                case ISSUE_GROUPING_SERVICE -> List.of(issue.getService());
                case ISSUE_GROUPING_SIGNAL -> issue.getSignalIdsList();
                default -> List.of(issue.getSeverity().name());
            };
            keys.forEach(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()).add(issue));
        }
        return groups;
    }

    private static String key(IssueGroup group) {
        return switch (group.getKeyCase()) {
            case SEVERITY -> group.getSeverity().name();
            case STATUS -> group.getStatus().name();
            case SERVICE -> group.getService();
            case SIGNAL -> group.getSignal().getId();
            case KEY_NOT_SET -> throw new AssertionError("a group without a key");
        };
    }

    private static IssueFigures figures(List<Issue> issues) {
        return IssueFigures.newBuilder().setIssues(issues.size())
                .setOccurrences(issues.stream().mapToLong(Issue::getOccurrences).sum())
                .setAffectedUsers(issues.stream().mapToLong(Issue::getAffectedUsers).sum())
                .build();
    }

    private static <T> Map<String, Long> counts(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    private static TimeRange previous(TimeRange window) {
        Instant start = Times.instant(window.getStart());
        Duration length = Duration.between(start, Times.instant(window.getEnd()));
        return range(start.minus(length), start);
    }

    private static TimeRange range(Instant start, Instant end) {
        return TimeRange.newBuilder().setStart(Times.timestamp(start)).setEnd(Times.timestamp(end)).build();
    }
}
