package com.lucenthq.mcp.adapters.mcp.tools;

import com.lucenthq.mcp.application.port.in.token.AuthenticateToken;
import com.lucenthq.mcp.application.port.in.query.GetInsight;
import com.lucenthq.mcp.application.port.in.query.GetIssue;
import com.lucenthq.mcp.application.port.in.query.GetSignal;
import com.lucenthq.mcp.application.port.in.query.ListInsights;
import com.lucenthq.mcp.application.port.in.query.ListIssues;
import com.lucenthq.mcp.application.port.in.query.ListSignals;
import com.lucenthq.mcp.application.port.in.query.SummarizeInsights;
import com.lucenthq.mcp.application.port.in.query.SummarizeIssues;
import java.util.Objects;

/** Everything the MCP side may call: authentication and read-only queries. No token-writing use case is here. */
public record McpUseCases(AuthenticateToken authenticate, ListIssues listIssues, GetIssue getIssue,
                          ListSignals listSignals, GetSignal getSignal, ListInsights listInsights,
                          GetInsight getInsight, SummarizeIssues summarizeIssues,
                          SummarizeInsights summarizeInsights) {

    public McpUseCases {
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(listIssues, "listIssues");
        Objects.requireNonNull(getIssue, "getIssue");
        Objects.requireNonNull(listSignals, "listSignals");
        Objects.requireNonNull(getSignal, "getSignal");
        Objects.requireNonNull(listInsights, "listInsights");
        Objects.requireNonNull(getInsight, "getInsight");
        Objects.requireNonNull(summarizeIssues, "summarizeIssues");
        Objects.requireNonNull(summarizeInsights, "summarizeInsights");
    }
}
