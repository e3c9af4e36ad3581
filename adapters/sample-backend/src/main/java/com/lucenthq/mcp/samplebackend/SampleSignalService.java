package com.lucenthq.mcp.samplebackend;

import com.lucenthq.mcp.proto.data.v1.GetSignalRequest;
import com.lucenthq.mcp.proto.data.v1.GetSignalResponse;
import com.lucenthq.mcp.proto.data.v1.ListSignalsRequest;
import com.lucenthq.mcp.proto.data.v1.ListSignalsResponse;
import com.lucenthq.mcp.proto.data.v1.MatchWindow;
import com.lucenthq.mcp.proto.data.v1.Signal;
import com.lucenthq.mcp.proto.data.v1.SignalServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.SignalSort;
import com.lucenthq.mcp.samplebackend.Dataset.OrgData;
import com.lucenthq.mcp.samplebackend.Paging.Slice;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** lucent.data.v1.SignalService over the bundled dataset. */
final class SampleSignalService extends SignalServiceGrpc.SignalServiceImplBase {

    /** Signals that never matched sort after every signal that did. */
    private static final Comparator<Signal> RECENTLY_MATCHED_FIRST = Comparator
            .comparing((Signal signal) -> signal.hasLastMatchedAt() ? 0 : 1)
            .thenComparing(Signal::getLastMatchedAt, Times.CHRONOLOGICAL.reversed())
            .thenComparing(Signal::getId);

    private final Dataset dataset;

    SampleSignalService(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public void listSignals(ListSignalsRequest request, StreamObserver<ListSignalsResponse> responses) {
        Unary.answer(responses, () -> list(request));
    }

    @Override
    public void getSignal(GetSignalRequest request, StreamObserver<GetSignalResponse> responses) {
        Unary.answer(responses, () -> get(request));
    }

    private ListSignalsResponse list(ListSignalsRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        int pageSize = Requests.pageSize(request.getPageSize());
        Comparator<Signal> order = order(request.getSort(), matchCount(request.getWindow()));

        List<Signal> matching = org.signals().stream()
                .filter(signal -> !request.hasEnabled() || signal.getEnabled() == request.getEnabled())
                .sorted(order)
                .toList();
        ListSignalsRequest criteria = request.toBuilder().clearPageSize().clearPageToken().build();
        Slice<Signal> page = Paging.page(matching, pageSize, request.getPageToken(), criteria);
        return ListSignalsResponse.newBuilder()
                .addAllSignals(page.items())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    private GetSignalResponse get(GetSignalRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        String id = Requests.id("id", request.getId());
        Signal signal = org.signal(id).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("signal " + id + " not found").asRuntimeException());
        return GetSignalResponse.newBuilder().setSignal(signal).build();
    }

    private static ToLongFunction<Signal> matchCount(MatchWindow window) {
        return switch (window) {
            case MATCH_WINDOW_24H -> Signal::getMatchCount24H;
            case MATCH_WINDOW_UNSPECIFIED, MATCH_WINDOW_7D -> Signal::getMatchCount7D;
            case MATCH_WINDOW_30D -> Signal::getMatchCount30D;
            case UNRECOGNIZED -> throw Requests.invalid("window has a value this service does not know");
        };
    }

    private static Comparator<Signal> order(SignalSort sort, ToLongFunction<Signal> matchCount) {
        return switch (sort) {
            case SIGNAL_SORT_UNSPECIFIED, SIGNAL_SORT_MATCHES ->
                    Comparator.comparingLong(matchCount).reversed().thenComparing(RECENTLY_MATCHED_FIRST);
            case SIGNAL_SORT_NAME -> Comparator.comparing(Signal::getName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Signal::getName)
                    .thenComparing(Signal::getId);
            case SIGNAL_SORT_CREATED -> Comparator.comparing(Signal::getCreatedAt, Times.CHRONOLOGICAL.reversed())
                    .thenComparing(Signal::getId);
            case UNRECOGNIZED -> throw Requests.invalid("sort has a value this service does not know");
        };
    }
}
