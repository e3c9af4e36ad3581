package com.lucenthq.mcp.adapters.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.AdminKey;
import com.lucenthq.mcp.domain.token.AuthorizationCode;
import com.lucenthq.mcp.domain.token.RefreshToken;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.Secret;
import com.lucenthq.mcp.domain.token.SessionSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenDatabaseH2Test {

    private static final OrgId ACME = OrgId.of("acme");
    private static final Instant LATER = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void twoDatabasesOnOneDataDirectorySeeEachOthersWritesAtOnce() {
        try (TokenDatabase server = TokenDatabase.h2File(dataDir); TokenDatabase cli = TokenDatabase.h2File(dataDir)) {
            McpToken token = TestTokens.issued(ACME, "my laptop");

            cli.tokenStore().add(token);
            assertEquals(Optional.of(token), server.tokenStore().findByHash(token.hash()));

            assertTrue(cli.tokenStore().revoke(ACME, token.id(), LATER));
            assertTrue(server.tokenStore().findByHash(token.hash()).orElseThrow().isRevoked());
        }
    }

    /** The automatic mixed mode at work: the second process reaches the database through the first one. */
    @Test
    void aProcessBesideTheRunningServerSharesItsTokens(@TempDir Path logs) throws Exception {
        try (TokenDatabase server = TokenDatabase.h2File(dataDir)) {
            McpToken fromCli = TestTokens.issued(ACME, "made by the cli");
            int added = OtherProcess.run(logs.resolve("add.log"), "add", dataDir.toString(), ACME.value(),
                    fromCli.id().toString(), fromCli.hash().hex(), fromCli.createdAt().toString(), fromCli.name().value());
            assertEquals(OtherProcess.DONE, added, () -> "add in the other process: " + log(logs.resolve("add.log")));
            assertEquals(Optional.of(fromCli), server.tokenStore().findByHash(fromCli.hash()));

            McpToken fromServer = TestTokens.issued(ACME, "made by the server");
            server.tokenStore().add(fromServer);
            int revoked = OtherProcess.run(logs.resolve("revoke.log"), "revoke", dataDir.toString(), ACME.value(),
                    fromServer.id().toString(), LATER.toString());
            assertEquals(OtherProcess.DONE, revoked, () -> "revoke in the other process: " + log(logs.resolve("revoke.log")));
            assertEquals(Optional.of(LATER), server.tokenStore().findByHash(fromServer.hash()).orElseThrow().revoked());
        }
    }

    /** An admin key made by the CLI signs in on the running server, and a sign-out there is seen everywhere. */
    @Test
    void twoDatabasesOnOneDataDirectoryShareAdminKeysAndSessions() {
        try (TokenDatabase server = TokenDatabase.h2File(dataDir); TokenDatabase cli = TokenDatabase.h2File(dataDir)) {
            AdminCredential credential = TestTokens.adminCredential(ACME, TestTokens.adminKey());
            cli.adminStore().addCredential(credential);
            assertEquals(Optional.of(credential), server.adminStore().findCredentialByHash(credential.hash()));

            AdminSession session = TestTokens.adminSession(credential, TestTokens.sessionSecret(), LATER);
            server.adminStore().addSession(session);
            assertEquals(Optional.of(session), cli.adminStore().findSessionByHash(session.hash()));
            server.adminStore().deleteSession(session.hash());
            assertEquals(Optional.empty(), cli.adminStore().findSessionByHash(session.hash()));
        }
    }

    /** Admin keys and MCP tokens live apart: neither's hash finds the other. */
    @Test
    void anMcpTokensHashIsNoAdminKeyAndAnAdminKeysHashIsNoToken() {
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            McpToken token = TestTokens.issued(ACME, "my laptop");
            database.tokenStore().add(token);
            AdminCredential credential = TestTokens.adminCredential(ACME, TestTokens.adminKey());
            database.adminStore().addCredential(credential);

            assertEquals(Optional.empty(), database.adminStore().findCredentialByHash(token.hash()));
            assertEquals(Optional.empty(), database.adminStore().findSessionByHash(token.hash()));
            assertEquals(Optional.empty(), database.tokenStore().findByHash(credential.hash()));
        }
    }

    /** A data directory made before admin keys existed (schema V1 only) gains their tables and keeps its tokens. */
    @Test
    void aDatabaseFromBeforeAdminKeysIsUpgradedInPlace() throws SQLException {
        McpToken token = TestTokens.issued(ACME, "from the old version");
        try (TokenDatabase old = TokenDatabase.h2File(dataDir)) {
            old.tokenStore().add(token);
            // Back to the schema the first release left behind.
            execute(UNDO_V3);
            execute("DROP TABLE admin_sessions", "DROP TABLE admin_keys",
                    "DELETE FROM \"mcp_tokens_schema_history\" WHERE \"version\" = '2'");
        }

        try (TokenDatabase upgraded = TokenDatabase.h2File(dataDir)) {
            assertEquals(List.of(token), upgraded.tokenStore().list(ACME));
            AdminCredential credential = TestTokens.adminCredential(ACME, TestTokens.adminKey());
            upgraded.adminStore().addCredential(credential);
            assertEquals(Optional.of(credential), upgraded.adminStore().findCredentialByHash(credential.hash()));
        }
    }

    /** What V3 (OAuth) added, undone: the schema of a data directory from before OAuth. */
    private static final String[] UNDO_V3 = {
            "ALTER TABLE mcp_tokens DROP CONSTRAINT mcp_tokens_grant_id_fk", "DROP INDEX mcp_tokens_grant_id_idx",
            "ALTER TABLE mcp_tokens DROP COLUMN grant_id", "ALTER TABLE mcp_tokens DROP COLUMN expires_at",
            "DROP TABLE oauth_codes", "DROP TABLE oauth_refresh_tokens", "DROP TABLE oauth_grants", "DROP TABLE oauth_clients",
            "DELETE FROM \"mcp_tokens_schema_history\" WHERE \"version\" = '3'"};

    /** A data directory from before OAuth (schema V2) gains the OAuth tables and keeps its tokens, which never expire. */
    @Test
    void aDatabaseFromBeforeOAuthIsUpgradedInPlace() throws SQLException {
        McpToken token = TestTokens.issued(ACME, "static");
        try (TokenDatabase old = TokenDatabase.h2File(dataDir)) {
            old.tokenStore().add(token);
            execute(UNDO_V3);
        }

        try (TokenDatabase upgraded = TokenDatabase.h2File(dataDir)) {
            assertEquals(List.of(token), upgraded.tokenStore().list(ACME));
            assertEquals(List.of(), upgraded.grantStore().list(ACME));
        }
    }

    @Test
    void tokensSurviveReopeningTheDatabase() {
        McpToken token = TestTokens.issued(ACME, "my laptop");
        try (TokenDatabase first = TokenDatabase.h2File(dataDir)) {
            first.tokenStore().add(token);
        }

        try (TokenDatabase reopened = TokenDatabase.h2File(dataDir)) {
            assertEquals(List.of(token), reopened.tokenStore().list(ACME));
        }
    }

    @Test
    void noFileInTheDataDirectoryHoldsAPlaintextOnlyTheHashes() throws IOException {
        List<Secret> secrets = new ArrayList<>();
        List<String> storedHashes = new ArrayList<>();
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            List<McpToken> tokens = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PlaintextToken plaintext = TestTokens.plaintext();
                McpToken token = TestTokens.issued(ACME, "token " + i, TestTokens.sha256(plaintext), LATER);
                database.tokenStore().add(token);
                database.tokenStore().recordUsage(token.id(), LATER.plusSeconds(i));
                secrets.add(plaintext);
                tokens.add(token);
                storedHashes.add(token.hash().hex());
            }
            database.tokenStore().revoke(ACME, tokens.getFirst().id(), LATER.plusSeconds(60));

            for (int i = 0; i < 5; i++) {
                AdminKey key = TestTokens.adminKey();
                AdminCredential credential = TestTokens.adminCredential(ACME, key);
                database.adminStore().addCredential(credential);
                secrets.add(key);
                storedHashes.add(credential.hash().hex());
                for (int j = 0; j < 4; j++) {
                    SessionSecret cookie = TestTokens.sessionSecret();
                    AdminSession session = TestTokens.adminSession(credential, cookie, LATER.plusSeconds(j));
                    database.adminStore().addSession(session);
                    secrets.add(cookie);
                    if (j == 0) {
                        database.adminStore().deleteSession(session.hash());
                    } else {
                        storedHashes.add(session.hash().hex());
                    }
                }
            }
        }

        String files = filesIn(dataDir);
        assertFalse(files.contains(PlaintextToken.PREFIX), "a data file contains " + PlaintextToken.PREFIX);
        assertFalse(files.contains(AdminKey.PREFIX), "a data file contains " + AdminKey.PREFIX);
        for (Secret secret : secrets) {
            assertFalse(files.contains(randomPart(secret)), "a data file contains the random part of a " + secret);
        }
        // Proof that the scan reads what was stored: every hash still stored is there in plain hex.
        for (String hash : storedHashes) {
            assertTrue(files.contains(hash), "the data files lack the stored hash " + hash);
        }
    }

    @Test
    void createsTheDataDirectoryForItsOwnerOnly() throws IOException {
        assumeTrue(isPosix(dataDir), "POSIX file permissions");
        Path missing = dataDir.resolve("lucent").resolve("data");

        TokenDatabase.h2File(missing).close();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(missing)));
    }

    @Test
    void restrictsAnExistingDataDirectoryToItsOwner() throws IOException {
        assumeTrue(isPosix(dataDir), "POSIX file permissions");
        Path existing = Files.createDirectory(dataDir.resolve("data"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));

        TokenDatabase.h2File(existing).close();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
    }

    @Test
    void refusesADataDirectoryThatWouldInjectH2Settings() {
        Path sneaky = dataDir.resolve("data;INIT=RUNSCRIPT FROM 'x'");

        assertThrows(IllegalArgumentException.class, () -> TokenDatabase.h2File(sneaky));
    }

    /** The secret without its fixed prefix: what must appear nowhere, prefix or not. */
    private static String randomPart(Secret secret) {
        String text = secret.reveal();
        return switch (secret) {
            case PlaintextToken token -> text.substring(PlaintextToken.PREFIX.length());
            case AdminKey key -> text.substring(AdminKey.PREFIX.length());
            case SessionSecret cookie -> text;
            case AuthorizationCode code -> text.substring(AuthorizationCode.PREFIX.length());
            case RefreshToken refresh -> text.substring(RefreshToken.PREFIX.length());
        };
    }

    /** Runs {@code sql} on the data directory's database, which a {@link TokenDatabase} in this JVM has open. */
    private void execute(String... sql) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tokens") + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "lucent", "");
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Every file's bytes as ISO-8859-1, which maps each byte to one char, so no byte sequence is lost. */
    private static String filesIn(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        assertFalse(all.isEmpty(), "no data files found in " + dir);
        return all.toString();
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
