package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on the same H2 data directory, as the {@code token} CLI is beside a running server.
 * {@link #main} is what runs in it; the exit status reports the outcome.
 */
final class OtherProcess {

    static final int DONE = 0;
    /** Not 1, which is what an uncaught exception exits with. */
    static final int NOT_DONE = 3;

    private OtherProcess() {
    }

    /**
     * {@code add DIR ORG ID HASH CREATED_AT NAME}, {@code revoke DIR ORG ID AT}, or {@code hold DIR} (opens the database,
     * prints {@code holding} and waits to be killed); exits {@link #DONE} on success.
     */
    public static void main(String[] args) {
        boolean done;
        try (TokenDatabase database = TokenDatabase.h2File(Path.of(args[1]))) {
            done = switch (args[0]) {
                case "add" -> {
                    database.tokenStore().add(McpToken.issued(TokenId.parse(args[3]), OrgId.of(args[2]),
                            TokenName.of(args[6]), new TokenHash(args[4]), Instant.parse(args[5])));
                    yield true;
                }
                case "revoke" -> database.tokenStore().revoke(OrgId.of(args[2]), TokenId.parse(args[3]), Instant.parse(args[4]));
                case "hold" -> {
                    // Owns the database (and serves it to other processes) until killed.
                    System.out.println("holding");
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield true;
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            };
        }
        System.exit(done ? DONE : NOT_DONE);
    }

    /** Runs {@link #main} with {@code args} in a new JVM on this test's class path; its exit status. */
    static int run(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                OtherProcess.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the other process did not finish within a minute:\n" + Files.readString(log));
        }
        return process.exitValue();
    }
}
