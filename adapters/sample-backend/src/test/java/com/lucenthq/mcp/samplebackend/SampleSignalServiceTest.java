package com.lucenthq.mcp.samplebackend;

import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertInvalid;
import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertOrdered;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.proto.data.v1.GetSignalRequest;
import com.lucenthq.mcp.proto.data.v1.ListSignalsRequest;
import com.lucenthq.mcp.proto.data.v1.ListSignalsResponse;
import com.lucenthq.mcp.proto.data.v1.MatchWindow;
import com.lucenthq.mcp.proto.data.v1.Signal;
import com.lucenthq.mcp.proto.data.v1.SignalSort;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SampleSignalServiceTest {

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
    void byDefaultListsEnabledAndDisabledSignalsByMatchesOverSevenDays() {
        List<Signal> signals = all(request("acme"));
        assertEquals(backend.dataset.org("acme").signals().size(), signals.size());
        assertTrue(signals.stream().anyMatch(Signal::getEnabled) && signals.stream().anyMatch(s -> !s.getEnabled()));
        assertOrdered(signals, Comparator.comparingLong(Signal::getMatchCount7D).reversed());
        assertTrue(signals.getFirst().getMatchCount7D() > signals.getLast().getMatchCount7D());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void filtersByEnabled(boolean enabled) {
        List<Signal> signals = all(request("globex").setEnabled(enabled));
        long expected = backend.dataset.org("globex").signals().stream().filter(s -> s.getEnabled() == enabled).count();
        assertTrue(expected > 0);
        assertEquals(expected, signals.size());
        assertTrue(signals.stream().allMatch(signal -> signal.getEnabled() == enabled));
    }

    @ParameterizedTest
    @EnumSource(value = MatchWindow.class, names = "UNRECOGNIZED", mode = EnumSource.Mode.EXCLUDE)
    void sortsByMatchesInTheRequestedWindowWithNeverMatchedSignalsLast(MatchWindow window) {
        ToLongFunction<Signal> count = switch (window) {
            case MATCH_WINDOW_24H -> Signal::getMatchCount24H;
            case MATCH_WINDOW_UNSPECIFIED, MATCH_WINDOW_7D -> Signal::getMatchCount7D;
            case MATCH_WINDOW_30D -> Signal::getMatchCount30D;
            case UNRECOGNIZED -> throw new AssertionError(window);
        };
        List<Signal> signals = all(request("acme").setSort(SignalSort.SIGNAL_SORT_MATCHES).setWindow(window));
        assertOrdered(signals, Comparator.comparingLong(count).reversed()
                .thenComparing(signal -> signal.hasLastMatchedAt() ? 0 : 1)
                .thenComparing(Signal::getLastMatchedAt, Times.CHRONOLOGICAL.reversed())
                .thenComparing(Signal::getId));
        assertFalse(signals.getLast().hasLastMatchedAt());
    }

    @Test
    void theMatchWindowChangesTheOrder() {
        List<Signal> by24h = all(request("acme").setWindow(MatchWindow.MATCH_WINDOW_24H));
        List<Signal> by30d = all(request("acme").setWindow(MatchWindow.MATCH_WINDOW_30D));
        assertNotEquals(ids(by24h), ids(by30d), "the dataset should rank differently per window");
    }

    @Test
    void sortsByNameAToZ() {
        assertOrdered(all(request("acme").setSort(SignalSort.SIGNAL_SORT_NAME)),
                Comparator.comparing(Signal::getName, String.CASE_INSENSITIVE_ORDER));
    }

    @Test
    void sortsByCreatedNewestFirst() {
        assertOrdered(all(request("acme").setSort(SignalSort.SIGNAL_SORT_CREATED)),
                Comparator.comparing(Signal::getCreatedAt, Times.CHRONOLOGICAL.reversed()));
    }

    @Test
    void pagesWalkTheWholeListWithoutDuplicates() {
        List<Signal> walked = new ArrayList<>();
        ListSignalsRequest.Builder request = request("globex").setSort(SignalSort.SIGNAL_SORT_NAME).setPageSize(4);
        do {
            ListSignalsResponse page = backend.signals().listSignals(request.build());
            assertTrue(page.getSignalsCount() <= 4);
            walked.addAll(page.getSignalsList());
            request.setPageToken(page.getNextPageToken());
        } while (!request.getPageToken().isEmpty());
        assertEquals(ids(all(request("globex").setSort(SignalSort.SIGNAL_SORT_NAME))), ids(walked));
        assertEquals(walked.size(), new HashSet<>(ids(walked)).size());
    }

    @Test
    void aTokenOnlyWorksWithTheFiltersAndOrgItWasIssuedFor() {
        String token = backend.signals().listSignals(request("acme").setPageSize(3).build()).getNextPageToken();
        assertFalse(token.isEmpty());
        assertInvalid("page_token", () -> backend.signals().listSignals(request("globex").setPageToken(token).build()));
        assertInvalid("page_token", () -> backend.signals().listSignals(request("acme").setEnabled(true)
                .setPageToken(token).build()));
        assertInvalid("page_token", () -> backend.signals().listSignals(request("acme")
                .setWindow(MatchWindow.MATCH_WINDOW_30D).setPageToken(token).build()));
    }

    @Test
    void rejectsInvalidRequests() {
        assertAll(
                () -> assertInvalid("org_id", () -> backend.signals().listSignals(ListSignalsRequest.getDefaultInstance())),
                () -> assertInvalid("page_size", () -> backend.signals().listSignals(request("acme").setPageSize(500).build())),
                () -> assertInvalid("page_token", () -> backend.signals().listSignals(request("acme").setPageToken("%%").build())),
                () -> assertInvalid("sort", () -> backend.signals().listSignals(request("acme").setSortValue(7).build())),
                () -> assertInvalid("window", () -> backend.signals().listSignals(request("acme").setWindowValue(7).build())),
                () -> assertInvalid("id", () -> backend.signals().getSignal(get("acme", "not-a-uuid"))),
                () -> assertInvalid("org_id", () -> backend.signals().getSignal(get("", signalOf("acme").getId()))));
    }

    @Test
    void getsASignalOfTheOrgOnly() {
        Signal signal = signalOf("acme");
        assertEquals(signal, backend.signals().getSignal(get("acme", signal.getId())).getSignal());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> backend.signals().getSignal(get("globex", signal.getId())));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }

    private static Signal signalOf(String org) {
        return backend.dataset.org(org).signals().getFirst();
    }

    private static ListSignalsRequest.Builder request(String org) {
        return ListSignalsRequest.newBuilder().setOrgId(org);
    }

    private static GetSignalRequest get(String org, String id) {
        return GetSignalRequest.newBuilder().setOrgId(org).setId(id).build();
    }

    private static List<Signal> all(ListSignalsRequest.Builder request) {
        ListSignalsResponse page = backend.signals().listSignals(request.setPageSize(100).build());
        assertEquals("", page.getNextPageToken());
        return page.getSignalsList();
    }

    private static List<String> ids(List<Signal> signals) {
        return signals.stream().map(Signal::getId).toList();
    }
}
