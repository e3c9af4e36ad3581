package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.SampleData.ACME;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_LATENCY_SIGNAL;
import static com.lucenthq.mcp.adapters.grpc.SampleData.DEADLINE;
import static com.lucenthq.mcp.adapters.grpc.SampleData.GLOBEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.application.contract.SignalSourceContract;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signal contract, and the mapping of every field, against the sample backend in process. */
class GrpcSignalSourceTest extends SignalSourceContract {

    private static SampleData data;

    @BeforeAll
    static void start() {
        data = SampleData.start();
    }

    @AfterAll
    static void stop() {
        data.close();
    }

    @Override
    protected SignalSource source() {
        return new GrpcSignalSource(data.channel(), DEADLINE);
    }

    @Override
    protected OrgId orgA() {
        return ACME;
    }

    @Override
    protected OrgId orgB() {
        return GLOBEX;
    }

    @Override
    protected SignalId knownSignalOfOrgA() {
        return CHECKOUT_LATENCY_SIGNAL;
    }

    @Test
    void mapsEveryFieldOfASignal() {
        Signal signal = source().find(ACME, CHECKOUT_LATENCY_SIGNAL).orElseThrow();

        assertEquals("Checkout latency over 2s", signal.name());
        assertEquals("Requests to the checkout API that take longer than two seconds.", signal.description());
        assertEquals("service:checkout-api AND latency_ms:>2000", signal.query());
        assertTrue(signal.enabled());
        assertTrue(signal.createdAt().isBefore(SampleData.NOW));
        assertTrue(signal.matchCounts().last24h() > 0);
        assertTrue(signal.matchCounts().last24h() < signal.matchCounts().last7d());
        assertTrue(signal.matchCounts().last7d() < signal.matchCounts().last30d());
        assertTrue(signal.lastMatched().orElseThrow().isBefore(SampleData.NOW));
    }

    @Test
    void aSignalThatNeverMatchedHasNoLastMatch() {
        List<Signal> signals = source().list(ACME, Queries.signals()).items();

        assertTrue(signals.stream().anyMatch(signal -> signal.lastMatched().isEmpty()));
        assertFalse(signals.stream().allMatch(signal -> signal.lastMatched().isEmpty()));
    }
}
