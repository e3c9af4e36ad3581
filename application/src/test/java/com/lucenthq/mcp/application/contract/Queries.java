package com.lucenthq.mcp.application.contract;

import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.signal.SignalQuery;

/** The queries a tool called with no arguments makes: every filter at its default. */
public final class Queries {

    private Queries() {
    }

    public static IssueQuery issues() {
        return new IssueQuery(null, null, null, null, null, null, null);
    }

    public static SignalQuery signals() {
        return new SignalQuery(null, null, null, null);
    }

    public static InsightQuery insights() {
        return new InsightQuery(null, null, null, null);
    }
}
