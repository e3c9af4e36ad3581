package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The sample backend in process at a fixed instant, and facts about its bundled dataset. */
final class SampleData implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-05-14T10:30:00Z");
    static final Duration DEADLINE = Duration.ofSeconds(5);

    static final OrgId ACME = OrgId.of("acme");
    static final OrgId GLOBEX = OrgId.of("globex");
    /** "Checkout API p95 latency above 2s", unresolved and critical. */
    static final IssueId CHECKOUT_LATENCY_ISSUE = IssueId.parse("87b3a6b6-5af5-438b-a39c-eff148a68ccb");
    /** "Checkout latency over 2s", enabled, matched by the issue above. */
    static final SignalId CHECKOUT_LATENCY_SIGNAL = SignalId.parse("id", "6eeda61c-8962-4f19-8498-b775f94f4872");
    /** "checkout-api latency regressed after deploy v412", about the issue and signal above. */
    static final InsightId CHECKOUT_REGRESSION_INSIGHT = InsightId.parse("a2d3ea82-9f2a-4279-bfd4-a07396663693");

    private final SampleBackend backend;
    private final ManagedChannel channel;

    private SampleData(SampleBackend backend, ManagedChannel channel) {
        this.backend = backend;
        this.channel = channel;
    }

    static SampleData start() {
        String name = "sample-data-" + UUID.randomUUID();
        SampleBackend backend = SampleBackend.startInProcess(name, Clock.fixed(NOW, ZoneOffset.UTC));
        return new SampleData(backend, InProcessChannelBuilder.forName(name).directExecutor().build());
    }

    ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        backend.close();
    }
}
