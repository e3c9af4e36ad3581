package com.lucenthq.mcp.application.contract;

import static com.lucenthq.mcp.application.contract.Listings.FORGED_CURSOR;
import static com.lucenthq.mcp.application.contract.Listings.assertCursorRejected;
import static com.lucenthq.mcp.application.contract.Listings.assertOrdered;
import static com.lucenthq.mcp.application.contract.Listings.secondPage;
import static com.lucenthq.mcp.application.contract.Listings.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.signal.SignalSort;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link SignalSource} must do, whatever its technology (STYLE §5 step 4). A subclass
 * supplies the source, seeded with two orgs, and names them. Requirements on the data: org A has at
 * least six signals, enabled and disabled ones, whose match counts rank them differently in
 * different windows; org B has at least one signal.
 */
public abstract class SignalSourceContract {

    protected abstract SignalSource source();

    protected abstract OrgId orgA();

    protected abstract OrgId orgB();

    /** A signal of org A. */
    protected abstract SignalId knownSignalOfOrgA();

    @Test
    void byDefaultListsEnabledAndDisabledSignalsByMatchesOverSevenDays() {
        List<Signal> signals = walkAll(orgA(), Queries.signals());

        assertTrue(signals.stream().anyMatch(Signal::enabled), "the fixture needs enabled signals");
        assertTrue(signals.stream().anyMatch(signal -> !signal.enabled()), "the fixture needs disabled signals");
        assertOrdered(signals, byMatches(MatchWindow.LAST_7D), "most matches in 7 days first");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void filtersByEnabled(boolean enabled) {
        List<Signal> signals = walkAll(orgA(), new SignalQuery(Optional.of(enabled), null, null, null));

        assertSameSignals(walkAll(orgA(), Queries.signals()), signal -> signal.enabled() == enabled, signals);
    }

    @ParameterizedTest
    @EnumSource(MatchWindow.class)
    void sortsByMatchesInTheRequestedWindow(MatchWindow window) {
        List<Signal> signals = walkAll(orgA(), new SignalQuery(null, SignalSort.MATCHES, window, null));

        assertSameSignals(walkAll(orgA(), Queries.signals()), signal -> true, signals);
        assertOrdered(signals, byMatches(window), "most matches in " + window.label() + " first");
    }

    @Test
    void theWindowChangesTheOrder() {
        List<SignalId> byDay = walkAll(orgA(), new SignalQuery(null, SignalSort.MATCHES, MatchWindow.LAST_24H, null))
                .stream().map(Signal::id).toList();
        List<SignalId> byMonth = walkAll(orgA(), new SignalQuery(null, SignalSort.MATCHES, MatchWindow.LAST_30D, null))
                .stream().map(Signal::id).toList();

        assertFalse(byDay.equals(byMonth), "the fixture needs signals that rank differently per window");
    }

    @Test
    void sortsByNameFromAToZ() {
        assertOrdered(walkAll(orgA(), new SignalQuery(null, SignalSort.NAME, null, null)),
                Comparator.comparing(Signal::name, String.CASE_INSENSITIVE_ORDER), "by name A to Z");
    }

    @Test
    void sortsByCreatedNewestFirst() {
        assertOrdered(walkAll(orgA(), new SignalQuery(null, SignalSort.CREATED, null, null)),
                Comparator.comparing(Signal::createdAt, Comparator.reverseOrder()), "newest first");
    }

    @Test
    void aSignalThatNeverMatchedHasNoMatches() {
        for (Signal signal : walkAll(orgA(), Queries.signals())) {
            if (signal.lastMatched().isEmpty()) {
                assertEquals(0, signal.matchCounts().last30d(), signal.name());
            }
        }
    }

    @Test
    void returnsAtMostTheLimitAndACursorWhenThereIsMore() {
        Page<Signal> three = source().list(orgA(), new SignalQuery(null, null, null, firstPage(3)));

        assertEquals(3, three.items().size());
        assertTrue(three.next().isPresent());
    }

    @Test
    void cursorsWalkTheWholeListInOrderWithoutDuplicates() {
        SignalQuery byName = new SignalQuery(null, SignalSort.NAME, null, null);

        List<Signal> walked = walk(page -> source().list(orgA(), withPage(byName, page)), 2);

        assertSameSignals(walkAll(orgA(), Queries.signals()), signal -> true, walked);
        assertOrdered(walked, Comparator.comparing(Signal::name, String.CASE_INSENSITIVE_ORDER), "by name across pages");
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertCursorRejected(() -> source().list(orgA(), new SignalQuery(null, null, null,
                PageRequest.of(Limit.DEFAULT, FORGED_CURSOR))));
    }

    @Test
    void rejectsACursorOfAnotherOrg() {
        PageRequest foreign = PageRequest.of(Limit.of(2),
                secondPage(page -> source().list(orgA(), withPage(Queries.signals(), page)), 2));

        assertCursorRejected(() -> source().list(orgB(), withPage(Queries.signals(), foreign)));
    }

    @Test
    void rejectsACursorOfOtherArguments() {
        PageRequest other = PageRequest.of(Limit.of(2),
                secondPage(page -> source().list(orgA(), withPage(Queries.signals(), page)), 2));

        assertCursorRejected(() -> source().list(orgA(),
                new SignalQuery(null, SignalSort.MATCHES, MatchWindow.LAST_30D, other)));
    }

    @Test
    void findsASignalWithTheSameFieldsAsInTheList() {
        Signal listed = walkAll(orgA(), Queries.signals()).stream()
                .filter(signal -> signal.id().equals(knownSignalOfOrgA()))
                .findFirst().orElseThrow(() -> new AssertionError("the known signal is not listed"));

        assertEquals(Optional.of(listed), source().find(orgA(), knownSignalOfOrgA()));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertEquals(Optional.empty(), source().find(orgA(), new SignalId(UUID.randomUUID())));
    }

    @Test
    void aSignalOfOneOrgIsNotFoundForAnother() {
        SignalId ofB = walkAll(orgB(), Queries.signals()).getFirst().id();

        assertEquals(Optional.empty(), source().find(orgB(), knownSignalOfOrgA()));
        assertEquals(Optional.empty(), source().find(orgA(), ofB));
    }

    @Test
    void theListsOfTwoOrgsShareNoSignal() {
        Set<SignalId> ofA = ids(walkAll(orgA(), Queries.signals()));
        Set<SignalId> ofB = ids(walkAll(orgB(), Queries.signals()));

        assertFalse(ofA.isEmpty() || ofB.isEmpty(), "the fixture needs signals in both orgs");
        assertTrue(ofA.stream().noneMatch(ofB::contains), "a signal is listed for both orgs");
    }

    private static Comparator<Signal> byMatches(MatchWindow window) {
        return Comparator.comparingLong((Signal signal) -> signal.matchCounts().in(window)).reversed();
    }

    private List<Signal> walkAll(OrgId org, SignalQuery query) {
        return walk(page -> source().list(org, withPage(query, page)), Limit.MAX);
    }

    private static SignalQuery withPage(SignalQuery query, PageRequest page) {
        return new SignalQuery(query.enabled(), query.sort(), query.window(), page);
    }

    private static PageRequest firstPage(int limit) {
        return new PageRequest(Limit.of(limit), Optional.empty());
    }

    private static void assertSameSignals(List<Signal> everything, Predicate<Signal> filter, Collection<Signal> actual) {
        Set<SignalId> expected = everything.stream().filter(filter).map(Signal::id).collect(Collectors.toSet());
        assertFalse(expected.isEmpty(), "the fixture needs signals for this case");
        assertEquals(expected, ids(actual));
        assertEquals(expected.size(), actual.size(), "a signal came twice");
    }

    private static Set<SignalId> ids(Collection<Signal> signals) {
        return signals.stream().map(Signal::id).collect(Collectors.toCollection(HashSet::new));
    }
}
