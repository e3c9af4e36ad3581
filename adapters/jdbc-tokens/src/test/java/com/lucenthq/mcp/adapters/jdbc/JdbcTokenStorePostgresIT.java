package com.lucenthq.mcp.adapters.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucenthq.mcp.application.contract.TokenStoreContract;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.token.McpToken;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract on a real PostgreSQL, e.g. the one {@code .ci/run} starts. Set
 * {@code LUCENT_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/lucent}),
 * {@code LUCENT_TEST_POSTGRES_USER} and {@code LUCENT_TEST_POSTGRES_PASSWORD}; the tests empty the
 * {@code mcp_tokens} table of that database.
 */
@EnabledIfEnvironmentVariable(named = "LUCENT_TEST_POSTGRES_URL", matches = ".+")
class JdbcTokenStorePostgresIT extends TokenStoreContract {

    private static final String URL = System.getenv("LUCENT_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("LUCENT_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv("LUCENT_TEST_POSTGRES_PASSWORD");

    private TokenDatabase database;

    @Override
    protected TokenStore emptyStore() {
        database = TokenDatabase.open(URL, USER, PASSWORD);
        execute(URL, "DELETE FROM mcp_tokens");
        return database.tokenStore();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** A database shared with another service: its schema already has tables, but none of ours. */
    @Test
    void migratesASchemaThatAlreadyHoldsOtherTables() {
        String schema = "shared_" + UUID.randomUUID().toString().replace("-", "");
        execute(URL, "CREATE SCHEMA " + schema);
        String sharedUrl = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            execute(sharedUrl, "CREATE TABLE other_service_table (id INT PRIMARY KEY)");
            try (TokenDatabase shared = TokenDatabase.open(sharedUrl, USER, PASSWORD)) {
                McpToken token = TestTokens.issued(OrgId.of("acme"), "my laptop");
                shared.tokenStore().add(token);

                assertEquals(Optional.of(token), shared.tokenStore().findByHash(token.hash()));
                assertEquals(List.of(), database.tokenStore().list(OrgId.of("acme")), "written to the shared schema only");
            }
        } finally {
            execute(URL, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed", e);
        }
    }
}
