package com.lucenthq.mcp.bootstrap.archfixture.application.token;

/** Frameworks in the application ring. */
final class UsesFrameworks {
    java.sql.Connection connection;
    com.fasterxml.jackson.databind.ObjectMapper json;
}
