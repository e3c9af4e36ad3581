package com.lucenthq.mcp.samplebackend;

import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertInvalid;
import static com.lucenthq.mcp.samplebackend.ServiceAssertions.assertOrdered;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import com.lucenthq.mcp.proto.data.v1.GetInsightRequest;
import com.lucenthq.mcp.proto.data.v1.Insight;
import com.lucenthq.mcp.proto.data.v1.ListInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.ListInsightsResponse;
import com.lucenthq.mcp.proto.data.v1.TimeRange;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleInsightServiceTest {

    private static final Comparator<Insight> NEWEST_FIRST =
            Comparator.comparing(Insight::getCreatedAt, Times.CHRONOLOGICAL.reversed()).thenComparing(Insight::getId);

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
    void listsEveryInsightNewestFirst() {
        List<Insight> insights = all(request("acme"));
        assertEquals(backend.dataset.org("acme").insights().size(), insights.size());
        assertOrdered(insights, NEWEST_FIRST);
    }

    @Test
    void filtersByCreatedWithAnInclusiveStartAndAnExclusiveEnd() {
        Timestamp weekAgo = Times.timestamp(InProcessBackend.NOW.minus(Duration.ofDays(7)));
        Timestamp pivot = backend.dataset.org("globex").insights().get(3).getCreatedAt();
        List<Insight> lastWeek = all(request("globex").setCreated(TimeRange.newBuilder().setStart(weekAgo)));
        assertEquals(expected("globex", insight -> Times.CHRONOLOGICAL.compare(insight.getCreatedAt(), weekAgo) >= 0),
                lastWeek);
        assertTrue(lastWeek.size() >= 5 && lastWeek.size() < backend.dataset.org("globex").insights().size());
        List<Insight> fromPivot = all(request("globex").setCreated(TimeRange.newBuilder().setStart(pivot)));
        List<Insight> untilPivot = all(request("globex").setCreated(TimeRange.newBuilder().setEnd(pivot)));
        assertEquals(pivot, fromPivot.getLast().getCreatedAt());
        assertTrue(untilPivot.stream().noneMatch(insight -> insight.getCreatedAt().equals(pivot)));
        assertEquals(backend.dataset.org("globex").insights().size(), fromPivot.size() + untilPivot.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"anomaly", "trend", "regression", "correlation", "digest"})
    void filtersByKind(String kind) {
        List<Insight> insights = all(request("acme").setKind(kind));
        assertFalse(insights.isEmpty());
        assertEquals(expected("acme", insight -> insight.getKind().equals(kind)), insights);
    }

    @Test
    void filtersBySignal() {
        String signal = backend.dataset.org("acme").insights().stream()
                .filter(insight -> !insight.getSignalId().isEmpty()).findFirst().orElseThrow().getSignalId();
        assertEquals(expected("acme", insight -> insight.getSignalId().equals(signal)),
                all(request("acme").setSignalId(signal)));
    }

    @Test
    void pagesWalkTheWholeListWithoutDuplicates() {
        List<Insight> walked = new ArrayList<>();
        ListInsightsRequest.Builder request = request("acme").setPageSize(10);
        do {
            ListInsightsResponse page = backend.insights().listInsights(request.build());
            walked.addAll(page.getInsightsList());
            request.setPageToken(page.getNextPageToken());
        } while (!request.getPageToken().isEmpty());
        assertEquals(all(request("acme")), walked);
        assertEquals(walked.size(), new HashSet<>(walked).size());
    }

    @Test
    void aTokenOnlyWorksWithTheFiltersAndOrgItWasIssuedFor() {
        String token = backend.insights().listInsights(request("acme").setPageSize(3).build()).getNextPageToken();
        assertInvalid("page_token", () -> backend.insights().listInsights(request("globex").setPageToken(token).build()));
        assertInvalid("page_token", () -> backend.insights().listInsights(request("acme").setKind("trend")
                .setPageToken(token).build()));
    }

    @Test
    void rejectsInvalidRequests() {
        assertAll(
                () -> assertInvalid("org_id", () -> backend.insights().listInsights(ListInsightsRequest.getDefaultInstance())),
                () -> assertInvalid("page_size", () -> backend.insights().listInsights(request("acme").setPageSize(-5).build())),
                () -> assertInvalid("kind", () -> backend.insights().listInsights(request("acme").setKind("Anomaly").build())),
                () -> assertInvalid("signal_id", () -> backend.insights().listInsights(request("acme").setSignalId("x").build())),
                () -> assertInvalid("created", () -> backend.insights().listInsights(request("acme").setCreated(
                        TimeRange.newBuilder().setStart(Times.timestamp(InProcessBackend.NOW))
                                .setEnd(Times.timestamp(InProcessBackend.NOW.minusSeconds(1)))).build())),
                () -> assertInvalid("id", () -> backend.insights().getInsight(get("acme", "42"))));
    }

    @Test
    void getsAnInsightOfTheOrgOnly() {
        Insight insight = backend.dataset.org("globex").insights().getFirst();
        assertEquals(insight, backend.insights().getInsight(get("globex", insight.getId())).getInsight());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> backend.insights().getInsight(get("acme", insight.getId())));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }

    private static ListInsightsRequest.Builder request(String org) {
        return ListInsightsRequest.newBuilder().setOrgId(org);
    }

    private static GetInsightRequest get(String org, String id) {
        return GetInsightRequest.newBuilder().setOrgId(org).setId(id).build();
    }

    private static List<Insight> all(ListInsightsRequest.Builder request) {
        ListInsightsResponse page = backend.insights().listInsights(request.setPageSize(100).build());
        assertEquals("", page.getNextPageToken());
        return page.getInsightsList();
    }

    private static List<Insight> expected(String org, Predicate<Insight> filter) {
        return backend.dataset.org(org).insights().stream().filter(filter).sorted(NEWEST_FIRST).toList();
    }
}
