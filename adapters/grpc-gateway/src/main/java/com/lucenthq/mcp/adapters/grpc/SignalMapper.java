package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.signal.MatchCounts;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.signal.SignalSort;
import com.lucenthq.mcp.proto.data.v1.GetSignalRequest;
import com.lucenthq.mcp.proto.data.v1.ListSignalsRequest;
import com.lucenthq.mcp.proto.data.v1.ListSignalsResponse;

/** Signals between lucent.data.v1 and the domain. */
final class SignalMapper {

    private SignalMapper() {
    }

    static ListSignalsRequest request(OrgId org, SignalQuery query) {
        ListSignalsRequest.Builder request = ListSignalsRequest.newBuilder()
                .setOrgId(org.value())
                .setSort(sort(query.sort()))
                .setWindow(window(query.window()))
                .setPageSize(query.page().limit().value())
                .setPageToken(CommonMapper.pageToken(query.page()));
        query.enabled().ifPresent(request::setEnabled);
        return request.build();
    }

    static GetSignalRequest request(OrgId org, SignalId id) {
        return GetSignalRequest.newBuilder().setOrgId(org.value()).setId(id.toString()).build();
    }

    static Page<Signal> page(ListSignalsResponse response) {
        return CommonMapper.page(response.getSignalsList().stream().map(SignalMapper::signal).toList(),
                response.getNextPageToken());
    }

    static Signal signal(com.lucenthq.mcp.proto.data.v1.Signal signal) {
        return new Signal(
                SignalId.parse("id", signal.getId()),
                signal.getName(),
                signal.getDescription(),
                signal.getQuery(),
                signal.getEnabled(),
                CommonMapper.instant(signal.getCreatedAt()),
                new MatchCounts(signal.getMatchCount24H(), signal.getMatchCount7D(), signal.getMatchCount30D()),
                signal.hasLastMatchedAt() ? CommonMapper.instant(signal.getLastMatchedAt()) : null);
    }

    private static com.lucenthq.mcp.proto.data.v1.SignalSort sort(SignalSort sort) {
        return switch (sort) {
            case MATCHES -> com.lucenthq.mcp.proto.data.v1.SignalSort.SIGNAL_SORT_MATCHES;
            case NAME -> com.lucenthq.mcp.proto.data.v1.SignalSort.SIGNAL_SORT_NAME;
            case CREATED -> com.lucenthq.mcp.proto.data.v1.SignalSort.SIGNAL_SORT_CREATED;
        };
    }

    private static com.lucenthq.mcp.proto.data.v1.MatchWindow window(MatchWindow window) {
        return switch (window) {
            case LAST_24H -> com.lucenthq.mcp.proto.data.v1.MatchWindow.MATCH_WINDOW_24H;
            case LAST_7D -> com.lucenthq.mcp.proto.data.v1.MatchWindow.MATCH_WINDOW_7D;
            case LAST_30D -> com.lucenthq.mcp.proto.data.v1.MatchWindow.MATCH_WINDOW_30D;
        };
    }
}
