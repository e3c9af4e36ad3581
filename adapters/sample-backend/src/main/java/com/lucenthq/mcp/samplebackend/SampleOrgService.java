package com.lucenthq.mcp.samplebackend;

import com.lucenthq.mcp.proto.data.v1.GetOrgRequest;
import com.lucenthq.mcp.proto.data.v1.GetOrgResponse;
import com.lucenthq.mcp.proto.data.v1.Org;
import com.lucenthq.mcp.proto.data.v1.OrgServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;

/** lucent.data.v1.OrgService over the bundled dataset: its orgs, with their display names. */
final class SampleOrgService extends OrgServiceGrpc.OrgServiceImplBase {

    private final Map<String, String> displayNames;

    SampleOrgService(Map<String, String> displayNames) {
        this.displayNames = Map.copyOf(displayNames);
    }

    @Override
    public void getOrg(GetOrgRequest request, StreamObserver<GetOrgResponse> responses) {
        Unary.answer(responses, () -> {
            String name = displayNames.get(request.getOrgId());
            if (name == null) {
                throw Status.NOT_FOUND.withDescription("no such organization").asRuntimeException();
            }
            return GetOrgResponse.newBuilder().setOrg(Org.newBuilder().setId(request.getOrgId()).setDisplayName(name)).build();
        });
    }
}
