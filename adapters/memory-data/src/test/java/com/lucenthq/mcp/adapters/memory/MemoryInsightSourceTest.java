package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.application.contract.InsightSourceContract;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.InsightSource;

/** The insight contract on the in-memory source over the bundled dataset: the second implementation it runs on. */
class MemoryInsightSourceTest extends InsightSourceContract {

    @Override
    protected InsightSource source() {
        return new MemoryInsightSource(BundledData.DATASET);
    }

    @Override
    protected OrgId orgA() {
        return BundledData.ACME;
    }

    @Override
    protected OrgId orgB() {
        return BundledData.GLOBEX;
    }

    @Override
    protected com.lucenthq.mcp.domain.insight.InsightId knownInsightOfOrgA() {
        return BundledData.CHECKOUT_REGRESSION_INSIGHT;
    }

    @Override
    protected java.time.Instant now() {
        return BundledData.NOW;
    }
}
