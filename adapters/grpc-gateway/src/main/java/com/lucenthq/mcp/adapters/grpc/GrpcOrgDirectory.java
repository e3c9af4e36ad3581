package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.org.Org;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.OrgDirectory;
import com.lucenthq.mcp.proto.data.v1.GetOrgRequest;
import com.lucenthq.mcp.proto.data.v1.GetOrgResponse;
import com.lucenthq.mcp.proto.data.v1.OrgServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.OrgServiceGrpc.OrgServiceBlockingStub;
import io.grpc.Channel;
import java.time.Duration;
import java.util.Optional;

/** {@link OrgDirectory} over lucent.data.v1.OrgService. */
public final class GrpcOrgDirectory implements OrgDirectory {

    private final OrgServiceBlockingStub stub;
    private final Duration deadline;
    private final GrpcErrors errors;

    /**
     * @param channel  shut down by whoever created it
     * @param deadline how long each call may take
     */
    public GrpcOrgDirectory(Channel channel, Duration deadline) {
        this.stub = OrgServiceGrpc.newBlockingStub(channel);
        this.errors = new GrpcErrors("org service", deadline);
        this.deadline = deadline;
    }

    @Override
    public Optional<Org> find(OrgId org) {
        GetOrgRequest request = GetOrgRequest.newBuilder().setOrgId(org.value()).build();
        Optional<GetOrgResponse> response = errors.find(() -> stub.withDeadlineAfter(deadline).getOrg(request));
        return response.map(found -> errors.read(() -> {
            Org answered = new Org(OrgId.of(found.getOrg().getId()), found.getOrg().getDisplayName());
            if (!answered.id().equals(org)) {
                throw new IllegalArgumentException("the org service answered for another org");
            }
            return answered;
        }));
    }
}
