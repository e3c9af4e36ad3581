package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.SampleData.ACME;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_LATENCY_ISSUE;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_LATENCY_SIGNAL;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_REGRESSION_INSIGHT;
import static com.lucenthq.mcp.adapters.grpc.SampleData.DEADLINE;
import static com.lucenthq.mcp.adapters.grpc.SampleData.GLOBEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.application.contract.InsightSourceContract;
import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.InsightSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The insight contract, and the mapping of every field, against the sample backend in process. */
class GrpcInsightSourceTest extends InsightSourceContract {

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
    protected InsightSource source() {
        return new GrpcInsightSource(data.channel(), DEADLINE);
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
    protected InsightId knownInsightOfOrgA() {
        return CHECKOUT_REGRESSION_INSIGHT;
    }

    @Override
    protected Instant now() {
        return SampleData.NOW;
    }

    @Test
    void mapsEveryFieldOfAnInsight() {
        Insight insight = source().find(ACME, CHECKOUT_REGRESSION_INSIGHT).orElseThrow();

        assertEquals(InsightKind.REGRESSION, insight.kind());
        assertEquals("checkout-api latency regressed after deploy v412", insight.title());
        assertTrue(insight.summary().startsWith("Latency rose within ten minutes of deploy v412"), insight.summary());
        assertEquals(Severity.HIGH, insight.severity());
        assertEquals(CHECKOUT_LATENCY_SIGNAL, insight.signal().orElseThrow());
        assertEquals(List.of(CHECKOUT_LATENCY_ISSUE), insight.issueIds());
        assertEquals(SampleData.NOW.minusSeconds(2830 * 60), insight.createdAt());
    }

    @Test
    void theLastWeekHasInsightsOfSeveralKindsSomeWithoutASignal() {
        List<Insight> lastWeek = source().list(ACME, Queries.insights().resolvedAt(SampleData.NOW)).items();

        Set<InsightKind> kinds = lastWeek.stream().map(Insight::kind).collect(Collectors.toSet());
        assertTrue(kinds.size() >= 3, "kinds " + kinds);
        assertTrue(lastWeek.stream().anyMatch(insight -> insight.signal().isEmpty()));
    }
}
