package com.lucenthq.mcp.application.contract;

import static com.lucenthq.mcp.application.contract.Listings.FORGED_CURSOR;
import static com.lucenthq.mcp.application.contract.Listings.assertCursorRejected;
import static com.lucenthq.mcp.application.contract.Listings.assertOrdered;
import static com.lucenthq.mcp.application.contract.Listings.secondPage;
import static com.lucenthq.mcp.application.contract.Listings.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightCounts;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InsightSource} must do, whatever its technology (STYLE §5 step 4). A subclass
 * supplies the source, seeded with two orgs, names them, and tells the instant its data is relative
 * to. Requirements on the data: org A has more than ten insights of at least two kinds, some created
 * in the seven days before {@link #now()} and some earlier, some about a signal; org B has at least
 * one insight.
 */
public abstract class InsightSourceContract {

    private static final Comparator<Insight> NEWEST_FIRST =
            Comparator.comparing(Insight::createdAt, Comparator.reverseOrder());

    protected abstract InsightSource source();

    protected abstract OrgId orgA();

    protected abstract OrgId orgB();

    /** An insight of org A. */
    protected abstract InsightId knownInsightOfOrgA();

    /** "Now" for the seeded data: the instant the use cases would resolve a query at. */
    protected abstract Instant now();

    @Test
    void listsNewestFirst() {
        assertOrdered(everything(orgA()), NEWEST_FIRST, "newest first");
    }

    @Test
    void theResolvedDefaultQueryListsTheLastSevenDays() {
        InsightQuery lastWeek = Queries.insights().resolvedAt(now());
        Instant weekAgo = now().minus(InsightQuery.DEFAULT_SPAN);

        List<Insight> insights = walkAll(orgA(), lastWeek);

        assertTrue(insights.size() < everything(orgA()).size(), "the fixture needs insights older than a week");
        assertSameInsights(everything(orgA()),
                insight -> !insight.createdAt().isBefore(weekAgo) && insight.createdAt().isBefore(now()), insights);
        assertOrdered(insights, NEWEST_FIRST, "newest first");
    }

    @Test
    void aResolvedQueryWithOnlyAnUntilListsTheSevenDaysBeforeIt() {
        List<Instant> times = everything(orgA()).stream().map(Insight::createdAt).sorted().toList();
        Instant until = times.get(times.size() / 2);
        InsightQuery weekBefore = new InsightQuery(new TimeRange(null, until), null, null, null).resolvedAt(now());

        List<Insight> insights = walkAll(orgA(), weekBefore);

        assertSameInsights(everything(orgA()), insight -> !insight.createdAt().isBefore(until.minus(InsightQuery.DEFAULT_SPAN))
                && insight.createdAt().isBefore(until), insights);
    }

    @Test
    void filtersByCreatedFromSinceInclusiveToUntilExclusive() {
        List<Insight> everything = everything(orgA());
        List<Instant> times = everything.stream().map(Insight::createdAt).distinct().sorted().toList();
        assertTrue(times.size() >= 3, "the fixture needs at least three different creation times");
        Instant since = times.get(times.size() / 3);
        Instant until = times.get(2 * times.size() / 3);

        for (TimeRange range : List.of(new TimeRange(since, null), new TimeRange(null, until),
                new TimeRange(since, until))) {
            assertSameInsights(everything, insight -> range.contains(insight.createdAt()),
                    walkAll(orgA(), new InsightQuery(range, null, null, null)));
        }
    }

    @Test
    void filtersByKind() {
        List<Insight> everything = everything(orgA());
        Set<InsightKind> kinds = everything.stream().map(Insight::kind).collect(Collectors.toSet());
        assertTrue(kinds.size() >= 2, "the fixture needs insights of two kinds or more");

        for (InsightKind kind : kinds) {
            assertSameInsights(everything, insight -> insight.kind() == kind,
                    walkAll(orgA(), new InsightQuery(null, Optional.of(kind), null, null)));
        }
    }

    @Test
    void filtersBySignal() {
        List<Insight> everything = everything(orgA());
        SignalId signal = everything.stream().flatMap(insight -> insight.signal().stream()).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture needs an insight about a signal"));

        assertSameInsights(everything, insight -> insight.signal().equals(Optional.of(signal)),
                walkAll(orgA(), new InsightQuery(null, null, Optional.of(signal), null)));
    }

    @Test
    void returnsAtMostTheLimitAndACursorWhenThereIsMore() {
        Page<Insight> four = source().list(orgA(), new InsightQuery(null, null, null,
                new PageRequest(Limit.of(4), Optional.empty())));

        assertEquals(4, four.items().size());
        assertTrue(four.next().isPresent());
    }

    @Test
    void cursorsWalkTheWholeListInOrderWithoutDuplicates() {
        List<Insight> walked = walk(page -> source().list(orgA(), new InsightQuery(null, null, null, page)), 5);

        assertSameInsights(everything(orgA()), insight -> true, walked);
        assertOrdered(walked, NEWEST_FIRST, "newest first across pages");
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertCursorRejected(() -> source().list(orgA(), new InsightQuery(null, null, null,
                PageRequest.of(Limit.DEFAULT, FORGED_CURSOR))));
    }

    @Test
    void rejectsACursorOfAnotherOrg() {
        PageRequest foreign = PageRequest.of(Limit.of(3),
                secondPage(page -> source().list(orgA(), new InsightQuery(null, null, null, page)), 3));

        assertCursorRejected(() -> source().list(orgB(), new InsightQuery(null, null, null, foreign)));
    }

    @Test
    void rejectsACursorOfOtherArguments() {
        PageRequest other = PageRequest.of(Limit.of(3),
                secondPage(page -> source().list(orgA(), new InsightQuery(null, null, null, page)), 3));
        InsightQuery lastWeek = Queries.insights().resolvedAt(now());

        assertCursorRejected(() -> source().list(orgA(), new InsightQuery(lastWeek.created(), null, null, other)));
    }

    @Test
    void findsAnInsightWithTheSameFieldsAsInTheList() {
        Insight listed = everything(orgA()).stream().filter(insight -> insight.id().equals(knownInsightOfOrgA()))
                .findFirst().orElseThrow(() -> new AssertionError("the known insight is not listed"));

        assertEquals(Optional.of(listed), source().find(orgA(), knownInsightOfOrgA()));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertEquals(Optional.empty(), source().find(orgA(), new InsightId(UUID.randomUUID())));
    }

    @Test
    void anInsightOfOneOrgIsNotFoundForAnother() {
        InsightId ofB = everything(orgB()).getFirst().id();

        assertEquals(Optional.empty(), source().find(orgB(), knownInsightOfOrgA()));
        assertEquals(Optional.empty(), source().find(orgA(), ofB));
    }

    @Test
    void theListsOfTwoOrgsShareNoInsight() {
        Set<InsightId> ofA = ids(everything(orgA()));
        Set<InsightId> ofB = ids(everything(orgB()));

        assertFalse(ofA.isEmpty() || ofB.isEmpty(), "the fixture needs insights in both orgs");
        assertTrue(ofA.stream().noneMatch(ofB::contains), "an insight is listed for both orgs");
    }

    /** Every insight of the org, whenever created: the query is deliberately left unresolved. */
    @Test
    void aSummaryCountsWhatTheListOfEachWindowReturns() {
        Window lastWeek = new Window(now().minus(InsightSummary.DEFAULT_SPAN), now());
        List<Instant> times = everything(orgA()).stream().map(Insight::createdAt).sorted().toList();
        Window middle = new Window(times.get(times.size() / 2), times.getLast().plusSeconds(1));

        for (Window window : List.of(lastWeek, middle)) {
            assertSummaryMatchesTheList(orgA(), window, source().summarize(orgA(), window));
        }
    }

    @Test
    void aSummaryCountsNoInsightOfAnotherOrg() {
        Window everything = new Window(Instant.EPOCH, now().plusSeconds(1));

        InsightSummary ofB = source().summarize(orgB(), everything);

        assertEquals(everything(orgB()).size(), ofB.total().current(), "org B's total is its own list");
        assertSummaryMatchesTheList(orgB(), everything, ofB);
    }

    private void assertSummaryMatchesTheList(OrgId org, Window window, InsightSummary summary) {
        List<Insight> current = walkAll(org, new InsightQuery(window.range(), null, null, null));
        List<Insight> previous = walkAll(org, new InsightQuery(window.previous().range(), null, null, null));

        assertEquals(window, summary.window());
        assertEquals(new InsightCounts(current.size(), previous.size()), summary.total(), window.toString());
        for (InsightKind kind : InsightKind.values()) {
            assertEquals(new InsightCounts(count(current, i -> i.kind() == kind), count(previous, i -> i.kind() == kind)),
                    summary.byKind().get(kind), kind + " in " + window);
        }
        for (Severity severity : Severity.values()) {
            assertEquals(new InsightCounts(count(current, i -> i.severity() == severity),
                    count(previous, i -> i.severity() == severity)), summary.bySeverity().get(severity),
                    severity + " in " + window);
        }
    }

    private static long count(List<Insight> insights, Predicate<Insight> filter) {
        return insights.stream().filter(filter).count();
    }

    private List<Insight> everything(OrgId org) {
        return walkAll(org, Queries.insights());
    }

    private List<Insight> walkAll(OrgId org, InsightQuery query) {
        return walk(page -> source().list(org, new InsightQuery(query.created(), query.kind(), query.signalId(), page)),
                Limit.MAX);
    }

    private static void assertSameInsights(List<Insight> everything, Predicate<Insight> filter,
                                           Collection<Insight> actual) {
        Set<InsightId> expected = everything.stream().filter(filter).map(Insight::id).collect(Collectors.toSet());
        assertFalse(expected.isEmpty(), "the fixture needs insights for this case");
        assertEquals(expected, ids(actual));
        assertEquals(expected.size(), actual.size(), "an insight came twice");
    }

    private static Set<InsightId> ids(Collection<Insight> insights) {
        return insights.stream().map(Insight::id).collect(Collectors.toCollection(HashSet::new));
    }
}
