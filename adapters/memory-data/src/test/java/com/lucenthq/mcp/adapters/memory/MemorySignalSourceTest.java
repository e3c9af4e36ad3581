package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.application.contract.SignalSourceContract;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.SignalSource;

/** The signal contract on the in-memory source over the bundled dataset: the second implementation it runs on. */
class MemorySignalSourceTest extends SignalSourceContract {

    @Override
    protected SignalSource source() {
        return new MemorySignalSource(BundledData.DATASET);
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
    protected com.lucenthq.mcp.domain.signal.SignalId knownSignalOfOrgA() {
        return BundledData.CHECKOUT_LATENCY_SIGNAL;
    }
}
