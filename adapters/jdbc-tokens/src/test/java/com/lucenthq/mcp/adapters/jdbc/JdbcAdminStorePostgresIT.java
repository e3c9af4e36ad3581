package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.application.contract.AdminStoreContract;
import com.lucenthq.mcp.domain.port.AdminStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract on a real PostgreSQL, set up as for {@link JdbcTokenStorePostgresIT}
 * ({@code LUCENT_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}); the tests empty the
 * {@code admin_sessions} and {@code admin_keys} tables of that database.
 */
@EnabledIfEnvironmentVariable(named = "LUCENT_TEST_POSTGRES_URL", matches = ".+")
class JdbcAdminStorePostgresIT extends AdminStoreContract {

    private static final String URL = System.getenv("LUCENT_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("LUCENT_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv("LUCENT_TEST_POSTGRES_PASSWORD");

    private TokenDatabase database;

    @Override
    protected AdminStore emptyStore() {
        database = TokenDatabase.open(URL, USER, PASSWORD);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            // Sessions first: each names a key.
            statement.execute("DELETE FROM admin_sessions");
            statement.execute("DELETE FROM admin_keys");
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed", e);
        }
        return database.adminStore();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
