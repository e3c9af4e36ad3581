package com.lucenthq.mcp.adapters.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        List<PlaintextToken> plaintexts = new ArrayList<>();
        List<McpToken> tokens = new ArrayList<>();
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            for (int i = 0; i < 20; i++) {
                PlaintextToken plaintext = TestTokens.plaintext();
                McpToken token = TestTokens.issued(ACME, "token " + i, TestTokens.sha256(plaintext), LATER);
                database.tokenStore().add(token);
                database.tokenStore().recordUsage(token.id(), LATER.plusSeconds(i));
                plaintexts.add(plaintext);
                tokens.add(token);
            }
            database.tokenStore().revoke(ACME, tokens.getFirst().id(), LATER.plusSeconds(60));
        }

        String files = filesIn(dataDir);
        assertFalse(files.contains(PlaintextToken.PREFIX), "a data file contains " + PlaintextToken.PREFIX);
        for (PlaintextToken plaintext : plaintexts) {
            assertFalse(files.contains(plaintext.reveal().substring(PlaintextToken.PREFIX.length())),
                    "a data file contains the random part of a plaintext");
        }
        // Proof that the scan reads what was stored: every hash is there in plain hex.
        for (McpToken token : tokens) {
            assertTrue(files.contains(token.hash().hex()), "the data files lack the hash of " + token.name());
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
