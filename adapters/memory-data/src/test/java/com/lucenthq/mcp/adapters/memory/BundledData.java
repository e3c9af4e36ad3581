package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Instant;

/** The bundled dataset at a fixed instant, and facts about it that the contracts ask for. */
final class BundledData {

    static final Instant NOW = Instant.parse("2026-05-14T10:30:00Z");
    static final BundledDataset DATASET = BundledDataset.load(NOW);

    static final OrgId ACME = OrgId.of("acme");
    static final OrgId GLOBEX = OrgId.of("globex");
    /** "Checkout API p95 latency above 2s". */
    static final IssueId CHECKOUT_LATENCY_ISSUE = IssueId.parse("87b3a6b6-5af5-438b-a39c-eff148a68ccb");
    /** "Checkout latency over 2s". */
    static final SignalId CHECKOUT_LATENCY_SIGNAL = SignalId.parse("id", "6eeda61c-8962-4f19-8498-b775f94f4872");
    /** "checkout-api latency regressed after deploy v412". */
    static final InsightId CHECKOUT_REGRESSION_INSIGHT = InsightId.parse("a2d3ea82-9f2a-4279-bfd4-a07396663693");

    private BundledData() {
    }
}
