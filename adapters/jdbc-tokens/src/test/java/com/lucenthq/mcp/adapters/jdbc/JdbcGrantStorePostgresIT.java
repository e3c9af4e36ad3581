package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.application.contract.GrantStoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The OAuth stores' contract on a real PostgreSQL (see {@link JdbcTokenStorePostgresIT}); it empties their tables. */
@EnabledIfEnvironmentVariable(named = "LUCENT_TEST_POSTGRES_URL", matches = ".+")
class JdbcGrantStorePostgresIT extends GrantStoreContract {

    private static final String URL = System.getenv("LUCENT_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("LUCENT_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv("LUCENT_TEST_POSTGRES_PASSWORD");

    private TokenDatabase database;

    @Override
    protected Stores emptyStores() {
        database = TokenDatabase.open(URL, USER, PASSWORD);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"oauth_codes", "oauth_refresh_tokens", "mcp_tokens", "oauth_grants", "oauth_clients"}) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed", e);
        }
        return new Stores(database.grantStore(), database.clientStore(), database.tokenStore());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
