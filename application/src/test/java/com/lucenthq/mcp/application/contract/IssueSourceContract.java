package com.lucenthq.mcp.application.contract;

import static com.lucenthq.mcp.application.contract.Listings.FORGED_CURSOR;
import static com.lucenthq.mcp.application.contract.Listings.assertCursorRejected;
import static com.lucenthq.mcp.application.contract.Listings.assertOrdered;
import static com.lucenthq.mcp.application.contract.Listings.secondPage;
import static com.lucenthq.mcp.application.contract.Listings.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueFigures;
import com.lucenthq.mcp.domain.issue.IssueGroup;
import com.lucenthq.mcp.domain.issue.IssueGroupKey;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.issue.TopIssue;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link IssueSource} must do, whatever its technology (STYLE §5 step 4). A subclass
 * supplies the source, seeded with two orgs, and names them. Filters and sorts are checked against
 * the org's whole issue list as the source itself returns it, so the contract holds for any data
 * that meets these requirements:
 * Summaries are checked the same way, against what listing the same filters returns.
 * <ul>
 *   <li>org A has more than 25 issues, among them every status and every severity, several
 *       different last-seen times, and a signal that matched some but not all of them;</li>
 *   <li>org B has at least one issue.</li>
 * </ul>
 */
public abstract class IssueSourceContract {

    private static final int DEFAULT_LIMIT = 25;

    protected abstract IssueSource source();

    protected abstract OrgId orgA();

    protected abstract OrgId orgB();

    /** An issue of org A. */
    protected abstract IssueId knownIssueOfOrgA();

    @Test
    void byDefaultListsOnlyUnresolvedIssuesMostSevereFirst() {
        List<Issue> unresolved = walkAll(orgA(), Queries.issues());

        assertFalse(unresolved.isEmpty());
        assertSameIssues(everything(orgA()), issue -> IssueStatusFilter.UNRESOLVED.statuses().contains(issue.status()),
                unresolved);
        assertOrdered(unresolved, order(IssueSort.SEVERITY), "most severe first");
    }

    @Test
    void aPageHoldsTwentyFiveIssuesByDefault() {
        Page<Issue> first = source().list(orgA(), query(IssueStatusFilter.ALL));

        assertEquals(DEFAULT_LIMIT, first.items().size());
        assertTrue(first.next().isPresent());
    }

    @ParameterizedTest
    @EnumSource(IssueStatusFilter.class)
    void filtersByStatus(IssueStatusFilter status) {
        List<Issue> issues = walkAll(orgA(), query(status));

        assertFalse(issues.isEmpty(), "the fixture needs issues for " + status);
        assertSameIssues(everything(orgA()), issue -> status.statuses().contains(issue.status()), issues);
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void filtersByMinimumSeverity(Severity minimum) {
        List<Issue> issues = walkAll(orgA(), new IssueQuery(IssueStatusFilter.ALL, Optional.of(minimum),
                null, null, null, null, null));

        assertFalse(issues.isEmpty(), "the fixture needs issues of severity " + minimum);
        assertSameIssues(everything(orgA()), issue -> issue.severity().isAtLeast(minimum), issues);
    }

    @Test
    void filtersBySignal() {
        List<Issue> everything = everything(orgA());
        SignalId signal = signalOfSomeButNotAll(everything);

        List<Issue> issues = walkAll(orgA(), new IssueQuery(IssueStatusFilter.ALL, null, Optional.of(signal),
                null, null, null, null));

        assertSameIssues(everything, issue -> issue.signalIds().contains(signal), issues);
    }

    @Test
    void findsTextInTitleDescriptionOrServiceIgnoringCase() {
        List<Issue> everything = everything(orgA());
        String service = everything.stream().filter(issue -> issue.id().equals(knownIssueOfOrgA()))
                .findFirst().orElseThrow().service();
        String needle = service.toLowerCase(Locale.ROOT);

        List<Issue> issues = walkAll(orgA(), new IssueQuery(IssueStatusFilter.ALL, null, null,
                Optional.of(service.toUpperCase(Locale.ROOT)), null, null, null));

        assertSameIssues(everything, issue -> (issue.title() + "\n" + issue.description() + "\n" + issue.service())
                .toLowerCase(Locale.ROOT).contains(needle), issues);
        assertTrue(issues.size() < everything.size(), "the fixture needs issues that do not mention " + service);
    }

    @Test
    void filtersByLastSeenFromSinceInclusiveToUntilExclusive() {
        List<Issue> everything = everything(orgA());
        List<Instant> times = everything.stream().map(Issue::lastSeen).distinct().sorted().toList();
        assertTrue(times.size() >= 3, "the fixture needs at least three different last-seen times");
        Instant since = times.get(times.size() / 3);
        Instant until = times.get(2 * times.size() / 3);

        for (TimeRange range : List.of(new TimeRange(since, null), new TimeRange(null, until),
                new TimeRange(since, until))) {
            List<Issue> issues = walkAll(orgA(), new IssueQuery(IssueStatusFilter.ALL, null, null, null, range,
                    null, null));
            assertSameIssues(everything, issue -> range.contains(issue.lastSeen()), issues);
        }
    }

    @ParameterizedTest
    @EnumSource(IssueSort.class)
    void sortsAndBreaksTiesByTheMostRecentlySeen(IssueSort sort) {
        List<Issue> issues = walkAll(orgA(), new IssueQuery(IssueStatusFilter.ALL, null, null, null, null, sort, null));

        assertSameIssues(everything(orgA()), issue -> true, issues);
        assertOrdered(issues, order(sort), "sorted by " + sort);
    }

    @Test
    void returnsAtMostTheLimitAndACursorWhenThereIsMore() {
        int total = everything(orgA()).size();

        Page<Issue> seven = source().list(orgA(), withPage(query(IssueStatusFilter.ALL), Limit.of(7)));
        Page<Issue> max = source().list(orgA(), withPage(query(IssueStatusFilter.ALL), Limit.of(Limit.MAX)));

        assertEquals(7, seven.items().size());
        assertTrue(seven.next().isPresent());
        assertEquals(Math.min(total, Limit.MAX), max.items().size());
        assertEquals(total > Limit.MAX, max.next().isPresent());
    }

    @Test
    void cursorsWalkTheWholeListInOrderWithoutDuplicates() {
        IssueQuery bySeen = new IssueQuery(IssueStatusFilter.ALL, null, null, null, null, IssueSort.LAST_SEEN, null);

        List<Issue> walked = walk(page -> source().list(orgA(), withPage(bySeen, page)), 6);

        assertSameIssues(everything(orgA()), issue -> true, walked);
        assertOrdered(walked, order(IssueSort.LAST_SEEN), "most recently seen first across pages");
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertCursorRejected(() -> source().list(orgA(), withPage(Queries.issues(),
                PageRequest.of(Limit.DEFAULT, FORGED_CURSOR))));
    }

    @Test
    void rejectsACursorOfAnotherOrg() {
        IssueQuery all = query(IssueStatusFilter.ALL);
        PageRequest foreign = PageRequest.of(Limit.of(5), secondPage(page -> source().list(orgA(), withPage(all, page)), 5));

        assertCursorRejected(() -> source().list(orgB(), withPage(all, foreign)));
    }

    @Test
    void rejectsACursorOfOtherArguments() {
        IssueQuery all = query(IssueStatusFilter.ALL);
        PageRequest other = PageRequest.of(Limit.of(5), secondPage(page -> source().list(orgA(), withPage(all, page)), 5));
        IssueQuery resorted = new IssueQuery(IssueStatusFilter.ALL, null, null, null, null, IssueSort.OCCURRENCES, null);

        assertCursorRejected(() -> source().list(orgA(), withPage(resorted, other)));
    }

    @Test
    void findsAnIssueWithTheSameFieldsAsInTheList() {
        Issue listed = everything(orgA()).stream().filter(issue -> issue.id().equals(knownIssueOfOrgA()))
                .findFirst().orElseThrow(() -> new AssertionError("the known issue is not listed"));

        IssueDetail detail = source().find(orgA(), knownIssueOfOrgA()).orElseThrow();

        assertEquals(listed, detail.issue());
    }

    @Test
    void anIssuesTimelineRunsOldestFirstAndStaysWithinItsOccurrences() {
        IssueDetail detail = source().find(orgA(), knownIssueOfOrgA()).orElseThrow();

        List<DailyCount> timeline = detail.timeline();
        assertOrdered(timeline, Comparator.comparing(DailyCount::date), "oldest first");
        assertEquals(timeline.size(), timeline.stream().map(DailyCount::date).distinct().count(), "one count per day");
        assertTrue(timeline.stream().allMatch(day -> day.occurrences() >= 0), "no day counts below zero");
        assertTrue(timeline.stream().mapToLong(DailyCount::occurrences).sum() <= detail.issue().occurrences());
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertEquals(Optional.empty(), source().find(orgA(), new IssueId(UUID.randomUUID())));
    }

    @Test
    void anIssueOfOneOrgIsNotFoundForAnother() {
        IssueId ofB = everything(orgB()).getFirst().id();

        assertEquals(Optional.empty(), source().find(orgB(), knownIssueOfOrgA()));
        assertEquals(Optional.empty(), source().find(orgA(), ofB));
    }

    @Test
    void theListsOfTwoOrgsShareNoIssue() {
        Set<IssueId> ofA = ids(everything(orgA()));
        Set<IssueId> ofB = ids(everything(orgB()));

        assertFalse(ofA.isEmpty() || ofB.isEmpty(), "the fixture needs issues in both orgs");
        assertTrue(ofA.stream().noneMatch(ofB::contains), "an issue is listed for both orgs");
    }

    @ParameterizedTest
    @EnumSource(IssueGrouping.class)
    void aSummaryCountsWhatTheListWithTheSameFiltersReturns(IssueGrouping grouping) {
        List<Instant> times = everything(orgA()).stream().map(Issue::lastSeen).distinct().sorted().toList();
        Window middle = new Window(times.get(times.size() / 2), times.getLast().plusSeconds(1));
        Window whole = new Window(times.getFirst(), times.getLast().plusSeconds(1));

        for (IssueStatusFilter status : List.of(IssueStatusFilter.UNRESOLVED, IssueStatusFilter.ALL)) {
            for (Window window : List.of(middle, whole)) {
                IssueSummaryQuery query = new IssueSummaryQuery(grouping, status, window);
                assertSummaryMatchesTheList(orgA(), query, source().summarize(orgA(), query));
            }
        }
    }

    @Test
    void aSummaryCountsNoIssueOfAnotherOrg() {
        List<Issue> ofB = everything(orgB());
        Instant latest = ofB.stream().map(Issue::lastSeen).max(Comparator.naturalOrder()).orElseThrow();
        Window everyLastSeen = new Window(Instant.EPOCH, latest.plusSeconds(1));
        Set<IssueId> ofA = ids(everything(orgA()));

        for (IssueGrouping grouping : IssueGrouping.values()) {
            IssueSummaryQuery query = new IssueSummaryQuery(grouping, IssueStatusFilter.ALL, everyLastSeen);
            IssueSummary summary = source().summarize(orgB(), query);
            assertEquals(IssueFigures.of(ofB), summary.total(), "org B's total is its own list");
            assertTrue(summary.groups().stream().flatMap(group -> group.topIssues().stream())
                    .noneMatch(top -> ofA.contains(top.id())), "a summary of org B names an issue of org A");
            assertSummaryMatchesTheList(orgB(), query, summary);
        }
    }

    @Test
    void aSummaryOfAWindowWithoutIssuesIsEmpty() {
        Instant earliest = everything(orgA()).stream().map(Issue::lastSeen).min(Comparator.naturalOrder()).orElseThrow();
        Window before = new Window(earliest.minusSeconds(3600), earliest.minusSeconds(1800));

        IssueSummary summary = source().summarize(orgA(), new IssueSummaryQuery(null, IssueStatusFilter.ALL, before));

        assertEquals(List.of(), summary.groups());
        assertEquals(IssueFigures.NONE, summary.total());
        assertEquals(IssueFigures.NONE, summary.previousTotal());
        assertEquals(IssueGrouping.SEVERITY, summary.groupBy());
        assertEquals(before, summary.window());
    }

    /** Every figure of {@code summary} is what listing the same filters in each window adds up to. */
    private void assertSummaryMatchesTheList(OrgId org, IssueSummaryQuery query, IssueSummary summary) {
        List<Issue> current = listed(org, query.status(), query.window());
        List<Issue> previous = listed(org, query.status(), query.window().previous());
        String what = query.toString();

        assertEquals(query.window(), summary.window(), what);
        assertEquals(IssueFigures.of(current), summary.total(), what);
        assertEquals(IssueFigures.of(previous), summary.previousTotal(), what);
        Map<Object, List<Issue>> currentGroups = grouped(current, query.groupBy());
        Map<Object, List<Issue>> previousGroups = grouped(previous, query.groupBy());
        Set<Object> expectedKeys = new HashSet<>(currentGroups.keySet());
        expectedKeys.addAll(previousGroups.keySet());
        List<Object> keys = summary.groups().stream().map(group -> comparable(group.key())).toList();
        assertEquals(expectedKeys, new HashSet<>(keys), what);
        assertEquals(keys.size(), expectedKeys.size(), "a group came twice: " + what);
        assertEquals(0, summary.omittedGroups(), what);
        for (IssueGroup group : summary.groups()) {
            List<Issue> members = currentGroups.getOrDefault(comparable(group.key()), List.of());
            assertEquals(IssueFigures.of(members), group.current(), group.key() + " in " + what);
            assertEquals(IssueFigures.of(previousGroups.getOrDefault(comparable(group.key()), List.of())),
                    group.previous(), group.key() + " in " + what);
            assertTopIssues(members, group.topIssues());
        }
    }

    /** The top issues are the group's first three by severity, then occurrences, then the most recently seen. */
    private static void assertTopIssues(List<Issue> members, List<TopIssue> top) {
        Comparator<Issue> topFirst = Comparator.comparing(Issue::severity, Comparator.reverseOrder())
                .thenComparing(Comparator.comparingLong(Issue::occurrences).reversed())
                .thenComparing(Issue::lastSeen, Comparator.reverseOrder());
        Map<IssueId, Issue> byId = members.stream().collect(Collectors.toMap(Issue::id, Function.identity()));
        assertEquals(Math.min(IssueSummaryQuery.TOP_ISSUES, members.size()), top.size());
        List<Issue> named = top.stream().map(issue -> {
            Issue member = byId.get(issue.id());
            assertTrue(member != null, "a top issue outside its group: " + issue);
            assertEquals(member.title(), issue.title());
            return member;
        }).toList();
        assertOrdered(named, topFirst, "top issues first");
        members.stream().filter(member -> !named.contains(member)).forEach(other ->
                assertTrue(topFirst.compare(named.getLast(), other) <= 0, other + " should be among the top issues"));
    }

    private List<Issue> listed(OrgId org, IssueStatusFilter status, Window window) {
        return walkAll(org, new IssueQuery(status, null, null, null, window.range(), null, null));
    }

    /** The issues by the group keys they count under; signals by id, as a group's name may be worded by the source. */
    private static Map<Object, List<Issue>> grouped(List<Issue> issues, IssueGrouping grouping) {
        Map<Object, List<Issue>> groups = new HashMap<>();
        for (Issue issue : issues) {
            List<Object> keys = switch (grouping) {
                case SEVERITY -> List.of(issue.severity());
                case STATUS -> List.of(issue.status());
                case SERVICE -> List.of(issue.service());
                case SIGNAL -> List.copyOf(issue.signalIds());
            };
            keys.forEach(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()).add(issue));
        }
        return groups;
    }

    private static Object comparable(IssueGroupKey key) {
        return switch (key) {
            case IssueGroupKey.BySeverity bySeverity -> bySeverity.severity();
            case IssueGroupKey.ByStatus byStatus -> byStatus.status();
            case IssueGroupKey.ByService byService -> byService.service();
            case IssueGroupKey.BySignal bySignal -> bySignal.signal();
        };
    }

    /** The order a sort promises: its own key first, then the most recently seen. */
    private static Comparator<Issue> order(IssueSort sort) {
        Comparator<Issue> recentlySeenFirst = Comparator.comparing(Issue::lastSeen, Comparator.reverseOrder());
        Comparator<Issue> key = switch (sort) {
            case SEVERITY -> Comparator.comparing(Issue::severity, Comparator.reverseOrder());
            case LAST_SEEN -> recentlySeenFirst;
            case FIRST_SEEN -> Comparator.comparing(Issue::firstSeen, Comparator.reverseOrder());
            case OCCURRENCES -> Comparator.comparingLong(Issue::occurrences).reversed();
        };
        return key.thenComparing(recentlySeenFirst);
    }

    private List<Issue> everything(OrgId org) {
        return walkAll(org, query(IssueStatusFilter.ALL));
    }

    private List<Issue> walkAll(OrgId org, IssueQuery query) {
        return walk(page -> source().list(org, withPage(query, page)), Limit.MAX);
    }

    private static IssueQuery query(IssueStatusFilter status) {
        return new IssueQuery(status, null, null, null, null, null, null);
    }

    private static IssueQuery withPage(IssueQuery query, Limit limit) {
        return withPage(query, new PageRequest(limit, Optional.empty()));
    }

    private static IssueQuery withPage(IssueQuery query, PageRequest page) {
        return new IssueQuery(query.status(), query.minSeverity(), query.signalId(), query.text(), query.lastSeen(),
                query.sort(), page);
    }

    /** A signal that matched some of the issues but not all, so that filtering by it shows. */
    private static SignalId signalOfSomeButNotAll(List<Issue> issues) {
        Map<SignalId, Long> matches = issues.stream().flatMap(issue -> issue.signalIds().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return matches.entrySet().stream()
                .filter(entry -> entry.getValue() < issues.size())
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new AssertionError("the fixture needs a signal that matched some issues"));
    }

    /** {@code actual} holds exactly the issues of {@code everything} that pass {@code filter}. */
    private static void assertSameIssues(List<Issue> everything, Predicate<Issue> filter, Collection<Issue> actual) {
        Set<IssueId> expected = everything.stream().filter(filter).map(Issue::id).collect(Collectors.toSet());
        assertEquals(expected, ids(actual));
        assertEquals(expected.size(), actual.size(), "an issue came twice");
    }

    private static Set<IssueId> ids(Collection<Issue> issues) {
        return issues.stream().map(Issue::id).collect(Collectors.toCollection(HashSet::new));
    }
}
