package com.lucenthq.mcp.bootstrap.archfixture.adapters.admin;

/** The admin side reading org data. */
public final class QueriesIssues {
    com.lucenthq.mcp.application.port.in.query.ListIssues issues;
}
