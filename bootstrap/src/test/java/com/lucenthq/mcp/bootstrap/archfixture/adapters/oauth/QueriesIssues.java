package com.lucenthq.mcp.bootstrap.archfixture.adapters.oauth;

/** The authorization server reading org data. */
public final class QueriesIssues {
    com.lucenthq.mcp.application.port.in.query.ListIssues issues;
}
