package com.lucenthq.mcp.samplebackend;

import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertInvalid;
import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertOrdered;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import com.lucenthq.mcp.proto.data.v1.DailyCount;
import com.lucenthq.mcp.proto.data.v1.GetIssueRequest;
import com.lucenthq.mcp.proto.data.v1.GetIssueResponse;
import com.lucenthq.mcp.proto.data.v1.InsightRef;
import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueSort;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.Severity;
import com.lucenthq.mcp.proto.data.v1.SignalRef;
import com.lucenthq.mcp.proto.data.v1.TimeRange;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SampleIssueServiceTest {

    private static final String KNOWN_ISSUE = "87b3a6b6-5af5-438b-a39c-eff148a68ccb";
    private static final Comparator<Timestamp> NEWEST_FIRST = Times.CHRONOLOGICAL.reversed();

    private static InProcessBackend backend;

    @BeforeAll
    static void start() {
        backend = new InProcessBackend();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void withoutFiltersListsEveryIssueOfTheOrgMostSevereFirst() {
        List<Issue> issues = all(request("acme"));
        assertEquals(backend.dataset.org("acme").issues().size(), issues.size());
        assertTrue(issues.stream().allMatch(issue -> issue.getOrgId().equals("acme")));
        assertOrdered(issues, Comparator.comparingInt(Issue::getSeverityValue).reversed());
    }

    @Test
    void filtersByStatus() {
        List<Issue> issues = all(request("acme").addStatuses(IssueStatus.ISSUE_STATUS_RESOLVED)
                .addStatuses(IssueStatus.ISSUE_STATUS_IGNORED));
        assertEquals(expected("acme", issue -> issue.getStatus() != IssueStatus.ISSUE_STATUS_UNRESOLVED), ids(issues));
    }

    @Test
    void filtersByMinimumSeverity() {
        List<Issue> issues = all(request("globex").setMinSeverity(Severity.SEVERITY_HIGH));
        assertEquals(expected("globex", issue -> issue.getSeverityValue() >= Severity.SEVERITY_HIGH_VALUE), ids(issues));
    }

    @Test
    void filtersBySignal() {
        Issue known = backend.dataset.org("acme").issue(KNOWN_ISSUE).orElseThrow();
        String signal = known.getSignalIds(0);
        List<Issue> issues = all(request("acme").setSignalId(signal));
        assertEquals(expected("acme", issue -> issue.getSignalIdsList().contains(signal)), ids(issues));
        assertTrue(issues.size() >= 2);
    }

    @Test
    void filtersByTextCaseInsensitivelyInTitleDescriptionAndService() {
        assertEquals(expected("acme", issue -> issue.getService().equals("checkout-api")
                        || issue.getTitle().toLowerCase(Locale.ROOT).contains("checkout-api")
                        || issue.getDescription().toLowerCase(Locale.ROOT).contains("checkout-api")),
                ids(all(request("acme").setText("CHECKOUT-API"))));
        List<Issue> byDescription = all(request("acme").setText("Tax-Service"));
        assertFalse(byDescription.isEmpty());
        assertTrue(byDescription.stream().allMatch(issue -> issue.getDescription().contains("tax-service")));
        assertTrue(all(request("acme").setText("no issue mentions this")).isEmpty());
    }

    @Test
    void filtersByLastSeenWithAnInclusiveStartAndAnExclusiveEnd() {
        List<Issue> sorted = backend.dataset.org("acme").issues().stream()
                .sorted(Comparator.comparing(Issue::getLastSeen, Times.CHRONOLOGICAL)).toList();
        Timestamp pivot = sorted.get(sorted.size() / 2).getLastSeen();
        List<Issue> since = all(request("acme").setLastSeen(TimeRange.newBuilder().setStart(pivot)));
        List<Issue> until = all(request("acme").setLastSeen(TimeRange.newBuilder().setEnd(pivot)));
        assertEquals(expected("acme", issue -> Times.CHRONOLOGICAL.compare(issue.getLastSeen(), pivot) >= 0), ids(since));
        assertEquals(expected("acme", issue -> Times.CHRONOLOGICAL.compare(issue.getLastSeen(), pivot) < 0), ids(until));
        assertEquals(sorted.size(), since.size() + until.size());
    }

    @Test
    void combinesFilters() {
        List<Issue> issues = all(request("acme").addStatuses(IssueStatus.ISSUE_STATUS_UNRESOLVED)
                .setMinSeverity(Severity.SEVERITY_MEDIUM).setText("checkout"));
        assertEquals(expected("acme", issue -> issue.getStatus() == IssueStatus.ISSUE_STATUS_UNRESOLVED
                && issue.getSeverityValue() >= Severity.SEVERITY_MEDIUM_VALUE
                && (issue.getTitle() + issue.getDescription() + issue.getService()).toLowerCase(Locale.ROOT)
                .contains("checkout")), ids(issues));
    }

    @ParameterizedTest
    @EnumSource(value = IssueSort.class, names = "UNRECOGNIZED", mode = EnumSource.Mode.EXCLUDE)
    void sortsWithTiesBrokenByMostRecentlySeenThenId(IssueSort sort) {
        Comparator<Issue> key = switch (sort) {
            case ISSUE_SORT_UNSPECIFIED, ISSUE_SORT_SEVERITY ->
                    Comparator.comparingInt(Issue::getSeverityValue).reversed();
            case ISSUE_SORT_LAST_SEEN -> (a, b) -> 0;
            case ISSUE_SORT_FIRST_SEEN -> Comparator.comparing(Issue::getFirstSeen, NEWEST_FIRST);
            case ISSUE_SORT_OCCURRENCES -> Comparator.comparingLong(Issue::getOccurrences).reversed();
            case UNRECOGNIZED -> throw new AssertionError(sort);
        };
        List<Issue> issues = all(request("globex").setSort(sort));
        assertEquals(backend.dataset.org("globex").issues().size(), issues.size());
        assertOrdered(issues, key.thenComparing(Issue::getLastSeen, NEWEST_FIRST).thenComparing(Issue::getId));
    }

    @Test
    void pagesWalkTheWholeListWithoutDuplicatesAndEndWithAnEmptyToken() {
        List<Issue> walked = new ArrayList<>();
        ListIssuesRequest.Builder request = request("acme").setPageSize(7);
        int pages = 0;
        do {
            ListIssuesResponse page = backend.issues().listIssues(request.build());
            assertTrue(page.getIssuesCount() <= 7);
            walked.addAll(page.getIssuesList());
            request.setPageToken(page.getNextPageToken());
            pages++;
        } while (!request.getPageToken().isEmpty());
        int total = backend.dataset.org("acme").issues().size();
        assertEquals(total, walked.size());
        assertEquals(total, new HashSet<>(ids(walked)).size());
        assertEquals((total + 6) / 7, pages);
        assertEquals(ids(all(request("acme"))), ids(walked));
    }

    @Test
    void pageSizeZeroMeansTwentyFive() {
        ListIssuesResponse page = backend.issues().listIssues(request("acme").build());
        assertEquals(25, page.getIssuesCount());
        assertFalse(page.getNextPageToken().isEmpty());
    }

    @Test
    void theLastPageHasNoToken() {
        ListIssuesResponse page = backend.issues().listIssues(request("acme").setPageSize(100).build());
        assertEquals(backend.dataset.org("acme").issues().size(), page.getIssuesCount());
        assertEquals("", page.getNextPageToken());
    }

    @Test
    void aTokenOnlyWorksWithTheFiltersAndOrgItWasIssuedFor() {
        String token = backend.issues().listIssues(request("acme").setPageSize(5).build()).getNextPageToken();
        assertInvalid("page_token", () -> backend.issues().listIssues(request("globex").setPageToken(token).build()));
        assertInvalid("page_token", () -> backend.issues().listIssues(request("acme")
                .setSort(IssueSort.ISSUE_SORT_LAST_SEEN).setPageToken(token).build()));
        assertInvalid("page_token", () -> backend.issues().listIssues(request("acme")
                .setMinSeverity(Severity.SEVERITY_LOW).setPageToken(token).build()));
        // the page size may change from page to page
        assertEquals(10, backend.issues().listIssues(request("acme").setPageSize(10).setPageToken(token).build())
                .getIssuesCount());
    }

    @Test
    void theOrderOfStatusesDoesNotInvalidateATokenAsItDoesNotChangeTheList() {
        String token = backend.issues().listIssues(request("acme").setPageSize(5)
                .addStatuses(IssueStatus.ISSUE_STATUS_UNRESOLVED).addStatuses(IssueStatus.ISSUE_STATUS_RESOLVED)
                .build()).getNextPageToken();
        ListIssuesResponse second = backend.issues().listIssues(request("acme").setPageSize(5)
                .addStatuses(IssueStatus.ISSUE_STATUS_RESOLVED).addStatuses(IssueStatus.ISSUE_STATUS_UNRESOLVED)
                .setPageToken(token).build());
        assertEquals(5, second.getIssuesCount());
    }

    @Test
    void rejectsInvalidRequests() {
        assertAll(
                () -> assertInvalid("org_id", () -> backend.issues().listIssues(ListIssuesRequest.getDefaultInstance())),
                () -> assertInvalid("page_size", () -> backend.issues().listIssues(request("acme").setPageSize(-1).build())),
                () -> assertInvalid("page_size", () -> backend.issues().listIssues(request("acme").setPageSize(101).build())),
                () -> assertInvalid("page_token", () -> backend.issues().listIssues(request("acme").setPageToken("bm9wZQ").build())),
                () -> assertInvalid("signal_id", () -> backend.issues().listIssues(request("acme").setSignalId("checkout").build())),
                () -> assertInvalid("statuses", () -> backend.issues().listIssues(request("acme")
                        .addStatuses(IssueStatus.ISSUE_STATUS_UNSPECIFIED).build())),
                () -> assertInvalid("sort", () -> backend.issues().listIssues(request("acme").setSortValue(42).build())),
                () -> assertInvalid("min_severity", () -> backend.issues().listIssues(request("acme")
                        .setMinSeverityValue(9).build())),
                () -> assertInvalid("last_seen", () -> backend.issues().listIssues(request("acme").setLastSeen(
                        TimeRange.newBuilder().setStart(Times.timestamp(InProcessBackend.NOW))
                                .setEnd(Times.timestamp(InProcessBackend.NOW))).build())),
                () -> assertInvalid("org_id", () -> backend.issues().getIssue(GetIssueRequest.newBuilder().setId(KNOWN_ISSUE).build())),
                () -> assertInvalid("id", () -> backend.issues().getIssue(get("acme", "87b3a6b6"))),
                () -> assertInvalid("id", () -> backend.issues().getIssue(get("acme", ""))));
    }

    @Test
    void getsAnIssueWithItsTimelineAndRelatedObjects() {
        GetIssueResponse response = backend.issues().getIssue(get("acme", KNOWN_ISSUE));
        Issue issue = response.getIssue();
        assertEquals(backend.dataset.org("acme").issue(KNOWN_ISSUE).orElseThrow(), issue);
        assertEquals(14, response.getTimelineCount());
        assertEquals("2026-05-14", response.getTimeline(13).getDate());
        assertTrue(response.getTimelineList().stream().mapToLong(DailyCount::getOccurrences).sum() <= issue.getOccurrences());
        assertEquals(issue.getSignalIdsList(), response.getRelatedSignalsList().stream().map(SignalRef::getId).toList());
        assertTrue(response.getRelatedSignalsList().stream().noneMatch(signal -> signal.getName().isEmpty()));
        List<InsightRef> insights = response.getRelatedInsightsList();
        assertTrue(insights.size() >= 2);
        assertOrdered(insights, Comparator.comparing(InsightRef::getCreatedAt, NEWEST_FIRST));
        insights.forEach(ref -> assertTrue(backend.dataset.org("acme").insight(ref.getId()).orElseThrow()
                .getIssueIdsList().contains(KNOWN_ISSUE)));
    }

    @Test
    void acceptsAnUppercaseId() {
        assertEquals(KNOWN_ISSUE, backend.issues().getIssue(get("acme", KNOWN_ISSUE.toUpperCase(Locale.ROOT)))
                .getIssue().getId());
    }

    @Test
    void anotherOrgsIssueIsNotFoundExactlyLikeAMissingOne() {
        StatusRuntimeException foreign = assertThrows(StatusRuntimeException.class,
                () -> backend.issues().getIssue(get("globex", KNOWN_ISSUE)));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
                () -> backend.issues().getIssue(get("acme", "00000000-0000-4000-8000-000000000000")));
        assertEquals(Status.Code.NOT_FOUND, foreign.getStatus().getCode());
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals(foreign.getStatus().getDescription().replace(KNOWN_ISSUE, "ID"),
                missing.getStatus().getDescription().replace("00000000-0000-4000-8000-000000000000", "ID"));
    }

    @Test
    void listsOfTwoOrgsAreDisjointAndAnUnknownOrgHasNone() {
        List<String> acme = ids(all(request("acme")));
        List<String> globex = ids(all(request("globex")));
        assertFalse(acme.isEmpty() || globex.isEmpty());
        assertTrue(acme.stream().noneMatch(globex::contains));
        assertTrue(all(request("initech")).isEmpty());
    }

    private static ListIssuesRequest.Builder request(String org) {
        return ListIssuesRequest.newBuilder().setOrgId(org);
    }

    private static GetIssueRequest get(String org, String id) {
        return GetIssueRequest.newBuilder().setOrgId(org).setId(id).build();
    }

    private static List<Issue> all(ListIssuesRequest.Builder request) {
        ListIssuesResponse page = backend.issues().listIssues(request.setPageSize(100).build());
        assertEquals("", page.getNextPageToken(), "more than one page");
        return page.getIssuesList();
    }

    private static List<String> expected(String org, Predicate<Issue> filter) {
        return backend.dataset.org(org).issues().stream()
                .filter(filter)
                .sorted(Comparator.comparingInt(Issue::getSeverityValue).reversed()
                        .thenComparing(Issue::getLastSeen, NEWEST_FIRST).thenComparing(Issue::getId))
                .map(Issue::getId)
                .toList();
    }

    private static List<String> ids(List<Issue> issues) {
        return issues.stream().map(Issue::getId).toList();
    }
}

