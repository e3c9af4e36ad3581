package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.jdbc.DatabaseLimits;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Where tokens are kept, shared by every command: the embedded H2 file under {@code --data-dir} by
 * default, or the database at {@code --database-url} (PostgreSQL in production). The password is
 * read from the environment or a file, never from the command line, where other users could see it.
 *
 * <p>The default {@code ./data} depends on the current directory, so the CLI commands say which database
 * they use, never create one to list or revoke, and create one only where no other kind of file is: a token
 * minted into a stray database would be refused by the server with 401 and nobody would know why.
 */
final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:LUCENT_MCP_DATA_DIR:-data}",
            description = "Directory of the embedded token database (default: ${DEFAULT-VALUE}, relative to the current "
                    + "directory; env LUCENT_MCP_DATA_DIR). The server and the token and admin commands must use the same one. "
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

    /** The server's way: opens the database, creating the embedded one when it does not exist yet. */
    TokenDatabase open() {
        DatabaseLimits limits = new DatabaseLimits(poolSize, connectionTimeout, validationTimeout, statementTimeout);
        if (embedded()) {
            return TokenDatabase.h2File(dataDir, limits);
        }
        return TokenDatabase.open(databaseUrl, databaseUser, password(), limits);
    }

    /** For commands that only read or change what exists (list, revoke): never creates a database. */
    TokenDatabase openExisting(PrintWriter err) {
        if (embedded() && !TokenDatabase.h2FileExists(directory())) {
            throw new CommandRefusedException("There is no token database in " + directory() + ". Pass the --data-dir "
                    + "the server uses (its start-up lines show it).");
        }
        return announced(err);
    }

    /** For commands that mint (token create, admin create): creates the embedded database only in a directory of its own. */
    TokenDatabase openOrCreate(PrintWriter err) {
        if (embedded() && !TokenDatabase.h2FileExists(directory())) {
            if (holdsOtherFiles(directory())) {
                throw new CommandRefusedException(directory() + " holds other files but no token database. Pass the "
                        + "--data-dir the server uses (its start-up lines show it), or a new or empty directory.");
            }
            err.println("Creating a new token database in " + directory() + ". The server must use the same --data-dir.");
        }
        return announced(err);
    }

    /** How to repeat this choice on another command line, for the hints the server prints. */
    String asArguments() {
        return embedded() ? "--data-dir " + directory() : "--database-url " + databaseUrl;
    }

    private TokenDatabase announced(PrintWriter err) {
        TokenDatabase database = open();
        err.println("Using the token database " + (embedded() ? "in " + directory() : "at " + withoutParameters(databaseUrl)) + ".");
        err.flush();
        return database;
    }

    private boolean embedded() {
        return databaseUrl == null || databaseUrl.isBlank();
    }

    private Path directory() {
        return dataDir.toAbsolutePath().normalize();
    }

    private static boolean holdsOtherFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> !TokenDatabase.isH2File(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the data directory " + dir, e);
        }
    }

    /** A JDBC URL's parameters may carry a password: the messages show only where the database is. */
    private static String withoutParameters(String jdbcUrl) {
        int parameters = jdbcUrl.indexOf('?');
        return parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters);
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
