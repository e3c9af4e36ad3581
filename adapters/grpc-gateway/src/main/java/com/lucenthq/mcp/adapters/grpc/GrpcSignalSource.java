package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.proto.data.v1.GetSignalResponse;
import com.lucenthq.mcp.proto.data.v1.ListSignalsRequest;
import com.lucenthq.mcp.proto.data.v1.ListSignalsResponse;
import com.lucenthq.mcp.proto.data.v1.SignalServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.SignalServiceGrpc.SignalServiceBlockingStub;
import io.grpc.Channel;
import java.time.Duration;
import java.util.Optional;

/** {@link SignalSource} over lucent.data.v1.SignalService. */
public final class GrpcSignalSource implements SignalSource {

    private final SignalServiceBlockingStub stub;
    private final Duration deadline;
    private final GrpcErrors errors;

    /**
     * @param channel  shared with the other sources and shut down by whoever created it
     * @param deadline how long each call may take
     */
    public GrpcSignalSource(Channel channel, Duration deadline) {
        this.stub = SignalServiceGrpc.newBlockingStub(channel);
        this.errors = new GrpcErrors("signal service", deadline);
        this.deadline = deadline;
    }

    @Override
    public Page<Signal> list(OrgId org, SignalQuery query) {
        ListSignalsRequest request = SignalMapper.request(org, query);
        ListSignalsResponse response = errors.list(!request.getPageToken().isEmpty(),
                () -> stub.withDeadlineAfter(deadline).listSignals(request));
        return errors.read(() -> SignalMapper.page(response));
    }

    @Override
    public Optional<Signal> find(OrgId org, SignalId id) {
        Optional<GetSignalResponse> response = errors.find(
                () -> stub.withDeadlineAfter(deadline).getSignal(SignalMapper.request(org, id)));
        return response.map(found -> errors.read(() -> SignalMapper.signal(found.getSignal())));
    }
}
