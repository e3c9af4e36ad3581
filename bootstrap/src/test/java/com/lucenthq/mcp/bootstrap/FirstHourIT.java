package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built CLI as a user runs it, in its own process: busy ports, a second directory, the version. */
class FirstHourIT {

    private static final Path JAR = Paths.get("target", "lucent-mcp.jar").toAbsolutePath();

    @TempDir
    Path root;

    private record Exit(int code, String out, String err) {
    }

    @Test
    void aBusyMcpPortIsOneLineNamingThePortAndItsOptionAndAQuickExit() throws Exception {
        try (ServerSocket taken = holdAPort()) {
            Exit exit = run(root, "serve", "--port", String.valueOf(taken.getLocalPort()), "--operations-port", "0",
                    "--data-dir", root.resolve("data").toString());

            assertNotEquals(0, exit.code());
            assertEquals("", exit.out(), "no banner");
            assertEquals(List.of("Error: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use: stop what holds it, "
                    + "or choose another with --port (env LUCENT_MCP_PORT)."), exit.err().lines().toList());
        }
    }

    @Test
    void aBusyOperationsPortNamesItsOwnOption() throws Exception {
        try (ServerSocket taken = holdAPort()) {
            Exit exit = run(root, "serve", "--port", "0", "--operations-port", String.valueOf(taken.getLocalPort()),
                    "--data-dir", root.resolve("data").toString());

            assertNotEquals(0, exit.code());
            assertEquals("", exit.out(), "no banner, and never a port -1");
            assertEquals(List.of("Error: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use: stop what holds it, "
                    + "or choose another with --operations-port (env LUCENT_MCP_OPERATIONS_PORT)."), exit.err().lines().toList());
        }
    }

    @Test
    void aTokenCreatedFromAnotherDirectorySaysWhereItWentAndListThereCreatesNothing() throws Exception {
        Path serverDir = Files.createDirectories(root.resolve("repo"));
        Path otherDir = Files.createDirectories(root.resolve("elsewhere"));
        assertEquals(0, run(serverDir, "token", "create", "--org", "acme", "--name", "first").code());

        Exit listed = run(otherDir, "token", "list", "--org", "acme");
        assertEquals(ExitCodes.REFUSED, listed.code());
        assertTrue(listed.err().contains("There is no token database in " + otherDir.resolve("data")), listed.err());
        assertFalse(Files.exists(otherDir.resolve("data")));

        Exit created = run(otherDir, "token", "create", "--org", "acme", "--name", "second");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.err().contains("Creating a new token database in " + otherDir.resolve("data")
                + ". The server must use the same --data-dir."), created.err());
    }

    @Test
    void versionPrintsTheProjectVersionAndTheCommitOfTheBuild() throws Exception {
        Exit version = run(root, "--version");

        assertEquals(0, version.code(), version.err());
        List<String> lines = version.out().lines().toList();
        assertTrue(lines.get(0).matches("lucent-mcp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.out());
        assertEquals("commit " + gitHead(), lines.get(1));
        assertEquals(version.out(), run(root, "version").out());
    }

    private static String gitHead() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, head);
        return head;
    }

    private static ServerSocket holdAPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    /** Runs the built jar in {@code directory}; waits at most a minute, which a busy port must not need. */
    private static Exit run(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LUCENT_MCP_"));
        Path err = Files.createTempFile("lucent-it", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "lucent-mcp " + String.join(" ", arguments) + " did not exit");
        String errText = Files.readString(err);
        Files.delete(err);
        return new Exit(process.exitValue(), out, errText);
    }
}
