package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** JDBC outside the token store. */
final class UsesJdbc {
    java.sql.Connection connection;
}
