package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    TokenDatabase open() {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return TokenDatabase.h2File(dataDir);
        }
        return TokenDatabase.open(databaseUrl, databaseUser, password());
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
