package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The token commands of the CLI on a real embedded database. */
class TokenCommandTest {

    @TempDir
    Path dataDir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = LucentMcp.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = dataDir.toString();
        return new Run(commandLine.execute(withDataDir), out.toString(), err.toString());
    }

    @Test
    void createPrintsTheTokenAsTheOnlyLineOnStandardOutput() {
        Run created = run("token", "create", "--org", "acme", "--name", "my laptop");

        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.out().matches("luc_mcp_[A-Za-z0-9_-]{32}\\R"), created.out());
        assertTrue(created.err().contains("shown"), created.err());
        assertFalse(created.err().contains(created.out().strip()), "the token goes to stdout only");
    }

    @Test
    void listShowsMetadataButNeverTheSecretAndRevokeMarksIt() throws Exception {
        String token = run("token", "create", "--org", "acme", "--name", "ci").out().strip();
        run("token", "create", "--org", "globex", "--name", "other org");

        Run listed = run("token", "list", "--org", "acme", "--json");
        JsonNode tokens = new ObjectMapper().readTree(listed.out());
        assertEquals(1, tokens.size(), "only acme's tokens");
        JsonNode entry = tokens.get(0);
        assertEquals("ci", entry.get("name").asText());
        assertTrue(entry.get("last_used_at").isNull());
        assertTrue(entry.get("revoked_at").isNull());
        assertFalse(listed.out().contains(token));
        assertFalse(listed.out().matches("(?s).*[0-9a-f]{64}.*"), "no hash either");

        String id = entry.get("id").asText();
        assertNotEquals(0, run("token", "revoke", "--org", "globex", id).exitCode(), "another org cannot revoke it");
        Run revoked = run("token", "revoke", "--org", "acme", id);
        assertEquals(0, revoked.exitCode(), revoked.err());
        JsonNode after = new ObjectMapper().readTree(run("token", "list", "--org", "acme", "--json").out()).get(0);
        assertFalse(after.get("revoked_at").isNull());

        Run table = run("token", "list", "--org", "acme");
        assertTrue(table.out().contains("LAST USED") && table.out().contains("never") && table.out().contains("revoked"), table.out());
    }

    @Test
    void invalidInputIsAClearErrorWithANonZeroExitCode() {
        Run tooLong = run("token", "create", "--org", "acme", "--name", "x".repeat(65));
        assertNotEquals(0, tooLong.exitCode());
        assertTrue(tooLong.err().contains("name must be at most 64 characters"), tooLong.err());
        assertEquals("", tooLong.out());

        Run badOrg = run("token", "create", "--org", "Not An Org", "--name", "x");
        assertNotEquals(0, badOrg.exitCode());
        assertTrue(badOrg.err().contains("org must be"), badOrg.err());

        Run badId = run("token", "revoke", "--org", "acme", "nope");
        assertNotEquals(0, badId.exitCode());
        assertTrue(badId.err().contains("token id must be a UUID"), badId.err());

        Run missingName = run("token", "create", "--org", "acme");
        assertNotEquals(0, missingName.exitCode());
        assertTrue(missingName.err().contains("--name"), missingName.err());
    }
}
