package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A read-only token database (PostgreSQL with {@code default_transaction_read_only}, as on a failover standby):
 * the token lookup succeeds, the last-used write fails with SQLSTATE 25006, and the request must still be served.
 * Needs a PostgreSQL ({@code bin/test-postgres start DIR}); the database's setting is restored afterwards.
 */
@EnabledIfEnvironmentVariable(named = "LUCENT_TEST_POSTGRES_URL", matches = ".+")
class ReadOnlyTokenDatabaseIT {

    private static final String URL = System.getenv("LUCENT_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("LUCENT_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv("LUCENT_TEST_POSTGRES_PASSWORD");

    @Test
    void aFailedLastUsedWriteNeverFailsTheRequestAndIsCountedAndNotRetriedPerRequest() throws Exception {
        String token;
        try (TokenDatabase database = TokenDatabase.open(URL, USER, PASSWORD)) {
            token = new CreateTokenService(database.tokenStore(), new SecureRandomSecretGenerator(), new Sha256SecretHasher(),
                    Wiring.SYSTEM_CLOCK).create(OrgId.of("acme"), TokenName.of("read-only")).plaintext().reveal();
        }
        readOnly(true);
        try (LucentServer server = LucentServer.start(new ServerSettings("127.0.0.1", 0, Optional.empty(),
                () -> TokenDatabase.open(URL, USER, PASSWORD), DataSource.GRPC,
                DataEndpoints.allAt(Optional.empty(), new DataChannelSecurity.Plaintext(), Duration.ofSeconds(5)), 1 << 20, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES, Set.of(), List.of(),
                FullServerFixture.NO_LIMITS, "127.0.0.1", 0))) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.mcpUrl()))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(FullServerFixture.LIST_ISSUES)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), "request " + i + ": " + response.body());
                assertTrue(response.body().contains("\"isError\":false"), response.body());
            }
            String metrics = client.send(HttpRequest.newBuilder(URI.create(server.operationsUrl() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("lucent_tokens_usage_write_failures_total 1.0"),
                    "one failed write, counted, then none per request until it is due again: "
                            + metrics.lines().filter(line -> line.contains("usage_write")).toList());
        } finally {
            readOnly(false);
        }
    }

    private static void readOnly(boolean on) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off");
            String database = connection.getCatalog();
            statement.execute(on ? "ALTER DATABASE \"" + database + "\" SET default_transaction_read_only = on"
                    : "ALTER DATABASE \"" + database + "\" RESET default_transaction_read_only");
        }
    }
}
