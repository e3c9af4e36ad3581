package com.lucenthq.mcp.samplebackend;

import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc.InsightServiceBlockingStub;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc.IssueServiceBlockingStub;
import com.lucenthq.mcp.proto.data.v1.SignalServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.SignalServiceGrpc.SignalServiceBlockingStub;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The sample backend in process at a fixed instant, with blocking stubs to call it. */
final class InProcessBackend implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-05-14T10:30:00Z");

    private final SampleBackend backend;
    private final ManagedChannel channel;
    final Dataset dataset = Dataset.load(NOW);

    InProcessBackend() {
        String name = "sample-backend-" + UUID.randomUUID();
        backend = SampleBackend.startInProcess(name, Clock.fixed(NOW, ZoneOffset.UTC));
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    IssueServiceBlockingStub issues() {
        return IssueServiceGrpc.newBlockingStub(channel);
    }

    SignalServiceBlockingStub signals() {
        return SignalServiceGrpc.newBlockingStub(channel);
    }

    InsightServiceBlockingStub insights() {
        return InsightServiceGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        backend.close();
    }
}
