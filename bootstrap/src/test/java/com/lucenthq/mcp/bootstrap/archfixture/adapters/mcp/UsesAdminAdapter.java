package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** One adapter depending on another. */
final class UsesAdminAdapter {
    com.lucenthq.mcp.bootstrap.archfixture.adapters.admin.QueriesIssues admin;
}
