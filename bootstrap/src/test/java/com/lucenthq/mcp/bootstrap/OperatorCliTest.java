package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What an operator meets in the token and admin commands: which database, exit codes, help, tables, hints. */
class OperatorCliTest {

    @TempDir
    Path root;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = LucentMcp.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void listAndRevokeNeverCreateADatabaseAndSayWhichOneTheyLookedFor() {
        Path missing = root.resolve("no/such/dir");

        Run listed = run("token", "list", "--org", "acme", "--data-dir", missing.toString());
        assertEquals(ExitCodes.REFUSED, listed.exitCode(), listed.err());
        assertTrue(listed.err().contains("There is no token database in " + missing), listed.err());
        Run revoked = run("token", "revoke", "--org", "acme", "0b7e6f1c-3f5e-4c0e-9b9a-2f1d7c5a8e41",
                "--data-dir", missing.toString());
        assertEquals(ExitCodes.REFUSED, revoked.exitCode(), revoked.err());
        assertFalse(Files.exists(missing), "nothing was created");
    }

    @Test
    void createSaysWhenItCreatesADatabaseAndEveryCommandSaysWhichItUsed() {
        Path dir = root.resolve("data");

        Run created = run("token", "create", "--org", "acme", "--name", "laptop", "--data-dir", dir.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.err().contains("Creating a new token database in " + dir), created.err());
        assertTrue(created.err().contains("Using the token database in " + dir), created.err());

        Run again = run("token", "create", "--org", "acme", "--name", "ci", "--data-dir", dir.toString());
        assertFalse(again.err().contains("Creating"), again.err());
        for (Run each : List.of(again, run("token", "list", "--org", "acme", "--data-dir", dir.toString()),
                run("admin", "create", "--org", "acme", "--data-dir", dir.toString()))) {
            assertEquals(0, each.exitCode(), each.err());
            assertTrue(each.err().contains("Using the token database in " + dir + "."), each.err());
        }
    }

    @Test
    void createRefusesADirectoryThatHoldsOtherFilesButNoDatabase() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        for (String[] command : List.of(new String[] {"token", "create", "--org", "acme", "--name", "x"},
                new String[] {"admin", "create", "--org", "acme"})) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--data-dir", project.toString())).toArray(String[]::new);
            Run refused = run(args);
            assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains(project + " holds other files but no token database"), refused.err());
            assertEquals("", refused.out());
        }
        try (var files = Files.list(project)) {
            assertEquals(List.of(project.resolve("pom.xml")), files.toList());
        }
    }

    @Test
    void createAsJsonGivesIdNameOrgAndToken() throws Exception {
        Run created = run("token", "create", "--org", "acme", "--name", "ci", "--json", "--data-dir", root.toString());

        assertEquals(0, created.exitCode(), created.err());
        JsonNode json = new ObjectMapper().readTree(created.out());
        assertEquals(List.of("id", "name", "org", "token"), iterable(json.fieldNames()));
        assertEquals("ci", json.get("name").asText());
        assertEquals("acme", json.get("org").asText());
        assertTrue(json.get("token").asText().matches("luc_mcp_[A-Za-z0-9_-]{32}"));
        JsonNode listed = new ObjectMapper().readTree(run("token", "list", "--org", "acme", "--json",
                "--data-dir", root.toString()).out());
        assertEquals(listed.get(0).get("id").asText(), json.get("id").asText());
    }

    @Test
    void exitCodesTellUsageFromRefusalFromAnUnreachableDatabase() {
        assertEquals(ExitCodes.USAGE, run("token", "list", "--no-such-option").exitCode());
        assertEquals(ExitCodes.USAGE, run("token", "create", "--org", "Not An Org", "--name", "x",
                "--data-dir", root.toString()).exitCode());
        run("token", "create", "--org", "acme", "--name", "x", "--data-dir", root.toString());
        Run unknownId = run("token", "revoke", "--org", "acme", "0b7e6f1c-3f5e-4c0e-9b9a-2f1d7c5a8e41", "--data-dir", root.toString());
        assertEquals(ExitCodes.REFUSED, unknownId.exitCode(), unknownId.err());
        Run unreachable = run("token", "list", "--org", "acme", "--database-url", "jdbc:h2:tcp://127.0.0.1:1/nothing");
        assertEquals(ExitCodes.DATABASE_UNREACHABLE, unreachable.exitCode(), unreachable.err());
        assertTrue(unreachable.err().startsWith("Error: "), unreachable.err());
    }

    @Test
    void revokingWithThePlaintextSaysToPassTheIdAndNeverEchoesIt() {
        String token = run("token", "create", "--org", "acme", "--name", "x", "--data-dir", root.toString()).out().strip();

        Run revoked = run("token", "revoke", "--org", "acme", token, "--data-dir", root.toString());

        assertEquals(ExitCodes.USAGE, revoked.exitCode());
        assertTrue(revoked.err().contains("That is a token itself, not its id. Pass the id that token list --org acme shows"),
                revoked.err());
        assertFalse(revoked.err().contains(token) || revoked.out().contains(token));
    }

    @Test
    void helpOfANestedCommandIsThatCommandsOwnHelp() {
        Run help = run("help", "token", "create");

        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("Usage: lucent-mcp token create"), help.out());
        assertTrue(help.out().contains("--name"), help.out());
    }

    @Test
    void tableColumnsStayAlignedWithLongNames() {
        String longName = "n".repeat(64);
        run("token", "create", "--org", "acme", "--name", longName, "--data-dir", root.toString());
        run("token", "create", "--org", "acme", "--name", "short", "--data-dir", root.toString());

        List<String> lines = run("token", "list", "--org", "acme", "--data-dir", root.toString()).out().lines().toList();

        assertEquals(3, lines.size(), String.join("\n", lines));
        int createdColumn = lines.get(0).indexOf("CREATED");
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.substring(createdColumn).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ .*"), line);
        }
    }

    @Test
    void adminCreatePrintsTheRealSettingsPageUrl() {
        Run byDefault = run("admin", "create", "--org", "acme", "--data-dir", root.toString());
        assertTrue(byDefault.err().contains("Sign in with it at http://127.0.0.1:8080/admin/."), byDefault.err());

        Run behindProxy = run("admin", "create", "--org", "acme", "--public-url", "https://mcp.example.com",
                "--data-dir", root.toString());
        assertTrue(behindProxy.err().contains("Sign in with it at https://mcp.example.com/admin/."), behindProxy.err());
        assertFalse(behindProxy.err().contains("<server>"));
    }

    @Test
    void versionNamesTheProjectVersionAndTheCommitEverywhere() {
        Version version = Version.current();
        assertTrue(version.version().matches("\\d+\\.\\d+\\.\\d+.*"), version.version());
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"version"}, new String[] {"serve", "-V"},
                new String[] {"token", "create", "-V"})) {
            Run printed = run(args);
            assertEquals(0, printed.exitCode(), String.join(" ", args) + ": " + printed.err());
            assertEquals("lucent-mcp " + version.version() + "\ncommit " + version.commit() + "\n",
                    printed.out().replace("\r\n", "\n"), String.join(" ", args));
        }
    }

    @Test
    void aMistypedOrgIsRefusedBeforeAnythingIsMinted() {
        Path dir = root.resolve("data");

        Run token = run("token", "create", "--org", "amce", "--name", "laptop", "--data-dir", dir.toString());
        assertEquals(ExitCodes.REFUSED, token.exitCode(), token.err());
        assertTrue(token.err().contains("The data services know no org amce. Check the spelling"), token.err());
        assertEquals("", token.out());
        Run admin = run("admin", "create", "--org", "amce", "--data-dir", dir.toString());
        assertEquals(ExitCodes.REFUSED, admin.exitCode(), admin.err());
        assertTrue(admin.err().contains("The data services know no org amce."), admin.err());
        assertFalse(Files.exists(dir), "nothing was created");

        Run known = run("token", "create", "--org", "acme", "--name", "laptop", "--data-dir", dir.toString());
        assertEquals(0, known.exitCode(), known.err());
        assertTrue(known.err().contains("Org acme (Acme Corporation) exists."), known.err());
    }

    @Test
    void anUnreachableDataServiceRefusesUnlessTheOperatorAllowsAnUnverifiedOrg() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String target = "127.0.0.1:" + closedPort;

        Run refused = run("token", "create", "--org", "acme", "--name", "x", "--data-target", target, "--data-plaintext",
                "--data-dir", root.toString());
        assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("Could not reach the data services to confirm that org acme exists. "
                + "Try again, or pass --allow-unverified-org"), refused.err());
        assertEquals("", refused.out());

        Run allowed = run("token", "create", "--org", "acme", "--name", "x", "--data-target", target, "--data-plaintext",
                "--allow-unverified-org", "--data-dir", root.toString());
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(allowed.err().contains("minting anyway, as --allow-unverified-org asks"), allowed.err());
        assertTrue(allowed.out().startsWith("luc_mcp_"));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
