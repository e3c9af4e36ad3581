package com.lucenthq.mcp.samplebackend;

import com.google.protobuf.Timestamp;
import com.lucenthq.mcp.proto.data.v1.GetInsightRequest;
import com.lucenthq.mcp.proto.data.v1.GetInsightResponse;
import com.lucenthq.mcp.proto.data.v1.Insight;
import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.ListInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.InsightKindCount;
import com.lucenthq.mcp.proto.data.v1.InsightSeverityCount;
import com.lucenthq.mcp.proto.data.v1.ListInsightsResponse;
import com.lucenthq.mcp.proto.data.v1.Severity;
import com.lucenthq.mcp.proto.data.v1.SummarizeInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.SummarizeInsightsResponse;
import com.lucenthq.mcp.samplebackend.Dataset.OrgData;
import com.lucenthq.mcp.samplebackend.Paging.Slice;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** lucent.data.v1.InsightService over the bundled dataset. */
final class SampleInsightService extends InsightServiceGrpc.InsightServiceImplBase {

    static final Comparator<Insight> NEWEST_FIRST = Comparator
            .comparing(Insight::getCreatedAt, Times.CHRONOLOGICAL.reversed())
            .thenComparing(Insight::getId);

    private static final Set<String> KINDS = Set.of("anomaly", "trend", "regression", "correlation", "digest");

    private final Dataset dataset;

    SampleInsightService(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public void listInsights(ListInsightsRequest request, StreamObserver<ListInsightsResponse> responses) {
        Unary.answer(responses, () -> list(request));
    }

    @Override
    public void getInsight(GetInsightRequest request, StreamObserver<GetInsightResponse> responses) {
        Unary.answer(responses, () -> get(request));
    }

    @Override
    public void summarizeInsights(SummarizeInsightsRequest request,
                                  StreamObserver<SummarizeInsightsResponse> responses) {
        Unary.answer(responses, () -> summarize(request));
    }

    /** Counts of the window and of the previous one; kinds A to Z, severities least severe first. */
    private SummarizeInsightsResponse summarize(SummarizeInsightsRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        Requests.Window window = Requests.window("created", request.hasCreated(), request.getCreated());
        Requests.Window previous = window.previous();
        Map<String, long[]> byKind = new TreeMap<>();
        Map<Severity, long[]> bySeverity = new EnumMap<>(Severity.class);
        for (Insight insight : org.insights()) {
            int slot = window.contains(insight.getCreatedAt()) ? 0 : previous.contains(insight.getCreatedAt()) ? 1 : -1;
            if (slot >= 0) {
                byKind.computeIfAbsent(insight.getKind(), kind -> new long[2])[slot]++;
                bySeverity.computeIfAbsent(insight.getSeverity(), severity -> new long[2])[slot]++;
            }
        }
        SummarizeInsightsResponse.Builder response = SummarizeInsightsResponse.newBuilder();
        byKind.forEach((kind, counts) -> response.addByKind(InsightKindCount.newBuilder()
                .setKind(kind).setCurrent(counts[0]).setPrevious(counts[1])));
        bySeverity.forEach((severity, counts) -> response.addBySeverity(InsightSeverityCount.newBuilder()
                .setSeverity(severity).setCurrent(counts[0]).setPrevious(counts[1])));
        return response.build();
    }

    private ListInsightsResponse list(ListInsightsRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        int pageSize = Requests.pageSize(request.getPageSize());
        Predicate<Timestamp> created = Requests.range("created", request.hasCreated(), request.getCreated());
        Optional<String> kind = kind(request.getKind());
        Optional<String> signalId = Requests.optionalId("signal_id", request.getSignalId());

        List<Insight> matching = org.insights().stream()
                .filter(insight -> created.test(insight.getCreatedAt()))
                .filter(insight -> kind.map(insight.getKind()::equals).orElse(true))
                .filter(insight -> signalId.map(insight.getSignalId()::equals).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList();
        ListInsightsRequest criteria = request.toBuilder().clearPageSize().clearPageToken().build();
        Slice<Insight> page = Paging.page(matching, pageSize, request.getPageToken(), criteria);
        return ListInsightsResponse.newBuilder()
                .addAllInsights(page.items())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    private GetInsightResponse get(GetInsightRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        String id = Requests.id("id", request.getId());
        Insight insight = org.insight(id).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("insight " + id + " not found").asRuntimeException());
        return GetInsightResponse.newBuilder().setInsight(insight).build();
    }

    private static Optional<String> kind(String kind) {
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (!KINDS.contains(kind)) {
            throw Requests.invalid("kind must be one of anomaly, trend, regression, correlation, digest");
        }
        return Optional.of(kind);
    }
}
