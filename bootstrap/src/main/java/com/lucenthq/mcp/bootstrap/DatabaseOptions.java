package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.jdbc.DatabaseLimits;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where tokens are kept, shared by every command: the embedded H2 file under {@code --data-dir} by
 * default, or the database at {@code --database-url} (PostgreSQL in production). The password is
 * read from the environment or a file, never from the command line, where other users could see it.
 */
final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:LUCENT_MCP_DATA_DIR:-data}",
            description = "Directory of the embedded token database (default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATA_DIR). "
                    + "Ignored with --database-url.")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", defaultValue = "${env:LUCENT_MCP_DATABASE_URL}",
            description = "JDBC URL of a shared token database, e.g. jdbc:postgresql://db:5432/lucent "
                    + "(env LUCENT_MCP_DATABASE_URL). Its schema is migrated on start.")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", defaultValue = "${env:LUCENT_MCP_DATABASE_USER}",
            description = "Database user (env LUCENT_MCP_DATABASE_USER).")
    String databaseUser;

    @Option(names = "--database-password-file", paramLabel = "FILE", defaultValue = "${env:LUCENT_MCP_DATABASE_PASSWORD_FILE}",
            description = "File holding the database password (env LUCENT_MCP_DATABASE_PASSWORD_FILE; "
                    + "or put the password itself in env LUCENT_MCP_DATABASE_PASSWORD).")
    Path databasePasswordFile;

    @Option(names = "--database-pool-size", paramLabel = "N", defaultValue = "${env:LUCENT_MCP_DATABASE_POOL_SIZE:-4}",
            description = "Connections to the token database at most (default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATABASE_POOL_SIZE).")
    int poolSize;

    @Option(names = "--database-connection-timeout", paramLabel = "DURATION",
            defaultValue = "${env:LUCENT_MCP_DATABASE_CONNECTION_TIMEOUT:-PT3S}",
            description = "How long a call waits for a database connection, ISO-8601 (default: ${DEFAULT-VALUE}; "
                    + "env LUCENT_MCP_DATABASE_CONNECTION_TIMEOUT).")
    Duration connectionTimeout;

    @Option(names = "--database-validation-timeout", paramLabel = "DURATION",
            defaultValue = "${env:LUCENT_MCP_DATABASE_VALIDATION_TIMEOUT:-PT1S}",
            description = "How long checking a pooled connection may take, below the connection timeout (default: "
                    + "${DEFAULT-VALUE}; env LUCENT_MCP_DATABASE_VALIDATION_TIMEOUT).")
    Duration validationTimeout;

    @Option(names = "--database-statement-timeout", paramLabel = "DURATION",
            defaultValue = "${env:LUCENT_MCP_DATABASE_STATEMENT_TIMEOUT:-PT5S}",
            description = "How long one database statement may run (default: ${DEFAULT-VALUE}; "
                    + "env LUCENT_MCP_DATABASE_STATEMENT_TIMEOUT). Each call's deadline is this plus the connection timeout.")
    Duration statementTimeout;

    TokenDatabase open() {
        DatabaseLimits limits = new DatabaseLimits(poolSize, connectionTimeout, validationTimeout, statementTimeout);
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return TokenDatabase.h2File(dataDir, limits);
        }
        return TokenDatabase.open(databaseUrl, databaseUser, password(), limits);
    }

    /** How to repeat this choice on another command line, for the hints the server prints. */
    String asArguments() {
        return databaseUrl == null || databaseUrl.isBlank() ? "--data-dir " + dataDir : "--database-url " + databaseUrl;
    }

    private String password() {
        if (databasePasswordFile != null) {
            try {
                return Files.readString(databasePasswordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the database password file " + databasePasswordFile, e);
            }
        }
        return System.getenv("LUCENT_MCP_DATABASE_PASSWORD");
    }
}
