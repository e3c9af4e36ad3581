package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.application.contract.IssueSourceContract;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.IssueSource;

/** The issue contract on the in-memory source over the bundled dataset: the second implementation it runs on. */
class MemoryIssueSourceTest extends IssueSourceContract {

    @Override
    protected IssueSource source() {
        return new MemoryIssueSource(BundledData.DATASET);
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
    protected com.lucenthq.mcp.domain.issue.IssueId knownIssueOfOrgA() {
        return BundledData.CHECKOUT_LATENCY_ISSUE;
    }
}
