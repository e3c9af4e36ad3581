package com.lucenthq.mcp.adapters.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hung process must not hold the embedded database hostage: another JVM owns the H2 data directory in mixed
 * mode and is then stopped with SIGSTOP. Every call of this process, and opening the database anew (as
 * {@code token list} does), fails as unavailable once its deadline has passed instead of hanging. The JUnit timeout
 * only guards against the hang this test is about.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class HungDatabaseTest {

    private static final DatabaseLimits SHORT = new DatabaseLimits(2, Duration.ofSeconds(1), Duration.ofMillis(500),
            Duration.ofSeconds(1));
    private static final TokenHash SOME_HASH = new TokenHash("ab".repeat(32));

    @TempDir
    Path dataDir;

    @Test
    @Timeout(90)
    void aStoppedOwnerMakesCallsAndOpensFailAsUnavailableInsteadOfHanging() throws Exception {
        Process owner = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(), "hold", dataDir.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            for (String line; !"holding".equals(line = out.readLine()); ) {
                if (line == null) {
                    throw new AssertionError("the owner process ended before it held the database");
                }
            }
            TokenDatabase database = TokenDatabase.h2File(dataDir, SHORT);
            assertTrue(database.tokenStore().findByHash(SOME_HASH).isEmpty(), "served by the owner while it runs");

            signal("STOP", owner);
            TokenStoreUnavailableException call = assertThrows(TokenStoreUnavailableException.class,
                    () -> database.tokenStore().findByHash(SOME_HASH));
            assertTrue(call.getMessage().contains("look") || call.getMessage().contains("token database"), call.getMessage());
            assertThrows(TokenStoreUnavailableException.class, () -> TokenDatabase.h2File(dataDir, SHORT).close(),
                    "opening anew, as the CLI does");

            signal("CONT", owner);
            database.close();
        } finally {
            signal("CONT", owner);
            owner.destroyForcibly().waitFor();
        }
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }
}
