package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code token list} beside a hung owner of the embedded database (another JVM holding the data directory in H2's
 * mixed mode, stopped with SIGSTOP): a clear error and a non-zero exit within its deadline, not a hang. The JUnit
 * timeout only guards against the hang.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class HungDatabaseCliTest {

    @TempDir
    Path dataDir;

    /** Run in the owner JVM: opens the database, says so, and waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        try (TokenDatabase database = TokenDatabase.h2File(Path.of(args[0]))) {
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    @Timeout(90)
    void tokenListBesideAStoppedOwnerIsAClearErrorInsteadOfAHang() throws Exception {
        Process owner = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HungDatabaseCliTest.class.getName(), dataDir.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            for (String line; !"holding".equals(line = out.readLine()); ) {
                if (line == null) {
                    throw new AssertionError("the owner process ended before it held the database");
                }
            }
            assertEquals(0, run("token", "list", "--org", "acme").exitCode(), "works while the owner runs");
            signal("STOP", owner);
            Run hung = run("token", "list", "--org", "acme", "--database-connection-timeout", "PT1S",
                    "--database-validation-timeout", "PT0.5S", "--database-statement-timeout", "PT1S");
            assertNotEquals(0, hung.exitCode());
            assertTrue(hung.err().contains("token database did not answer within"), hung.err());
        } finally {
            signal("CONT", owner);
            owner.destroyForcibly().waitFor();
        }
    }

    private record Run(int exitCode, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LucentMcp.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = dataDir.toString();
        return new Run(commandLine.execute(withDataDir), err.toString());
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }
}
