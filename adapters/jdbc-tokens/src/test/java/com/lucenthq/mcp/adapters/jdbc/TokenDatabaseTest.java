package com.lucenthq.mcp.adapters.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.McpToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class TokenDatabaseTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final OrgId ACME = OrgId.of("acme");
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void unreachableDatabaseFailsToOpenFastWithoutNamingThePassword() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedLoopbackPort() + "/lucent?password=" + PASSWORD;
        long start = System.nanoTime();

        TokenStoreUnavailableException failure = assertThrows(TokenStoreUnavailableException.class,
                () -> TokenDatabase.open(url, "lucent", PASSWORD));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertFalse(failure.getMessage().contains(PASSWORD), failure.getMessage());
        assertFalse(failure.getMessage().contains("127.0.0.1"), failure.getMessage());
        assertNotNull(failure.getCause(), "the cause is kept for the operator");
    }

    @Test
    void urlNoDriverAcceptsIsRefusedWithoutQuotingIt() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> TokenDatabase.open("jdbc:nosuchdb://db/lucent?password=" + PASSWORD, "lucent", PASSWORD));

        assertFalse(failure.getMessage().contains(PASSWORD), failure.getMessage());
    }

    @Test
    void everyStoreCallFailsAsUnavailableOnceTheDatabaseIsGoneAndNamesNoSql(@TempDir Path dataDir) {
        TokenDatabase database = TokenDatabase.h2File(dataDir);
        JdbcTokenStore store = database.tokenStore();
        AdminStore admins = database.adminStore();
        McpToken token = TestTokens.issued(ACME, "my laptop");
        store.add(token);
        AdminCredential credential = TestTokens.adminCredential(ACME, TestTokens.adminKey());
        admins.addCredential(credential);
        AdminSession session = TestTokens.adminSession(credential, TestTokens.sessionSecret(), NOW);
        admins.addSession(session);

        database.close();

        List<Executable> calls = List.of(
                () -> store.add(TestTokens.issued(ACME, "another")),
                () -> store.findByHash(token.hash()),
                () -> store.list(ACME),
                () -> store.find(ACME, token.id()),
                () -> store.revoke(ACME, token.id(), NOW),
                () -> store.recordUsage(token.id(), NOW),
                () -> admins.addCredential(TestTokens.adminCredential(ACME, TestTokens.adminKey())),
                () -> admins.findCredentialByHash(credential.hash()),
                () -> admins.addSession(TestTokens.adminSession(credential, TestTokens.sessionSecret(), NOW)),
                () -> admins.findSessionByHash(session.hash()),
                () -> admins.deleteSession(session.hash()),
                () -> admins.deleteSessionsExpiredBy(NOW));
        for (Executable call : calls) {
            TokenStoreUnavailableException failure = assertThrows(TokenStoreUnavailableException.class, call);
            String message = failure.getMessage().toLowerCase();
            assertFalse(message.contains("select") || message.contains("update") || message.contains("insert")
                    || message.contains("delete from") || message.contains("mcp_tokens") || message.contains("admin_")
                    || message.contains("jdbc:"), failure.getMessage());
            assertNotNull(failure.getCause(), "the cause is kept for the operator");
        }
    }

    /** A loopback port nothing listens on: bound once by us, then released. */
    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
