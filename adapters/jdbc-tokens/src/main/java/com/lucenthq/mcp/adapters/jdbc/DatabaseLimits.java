package com.lucenthq.mcp.adapters.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the token database may take, and how many connections it gets. Every store call has a deadline of
 * {@code connectionTimeout + statementTimeout}, enforced by this process even when the database never answers (an H2
 * owner that was stopped, a PostgreSQL whose host vanished): the call then fails as unavailable, which the HTTP side
 * answers with 503 and the CLI with a clear error.
 *
 * @param maxConnections    the pool's size; lookups by key are all it runs, so a few serve many requests
 * @param connectionTimeout how long a call waits for a connection from the pool, or for the database to open
 * @param validationTimeout how long checking a pooled connection before use may take (below the connection timeout)
 * @param statementTimeout  how long one statement may run (also set as its JDBC query timeout)
 */
public record DatabaseLimits(int maxConnections, Duration connectionTimeout, Duration validationTimeout,
                             Duration statementTimeout) {

    /** 4 connections, 3 s for a connection, 1 s to validate one, 5 s per statement. */
    public static final DatabaseLimits DEFAULTS = new DatabaseLimits(4, Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    public DatabaseLimits {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(validationTimeout, "validationTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new IllegalArgumentException("the database pool size must be between 1 and 1000, was " + maxConnections);
        }
        // Hikari's own floors: 250 ms for a connection and for a validation.
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("the database connection timeout must be at least 250 ms");
        }
        if (validationTimeout.toMillis() < 250 || validationTimeout.compareTo(connectionTimeout) >= 0) {
            throw new IllegalArgumentException("the database validation timeout must be at least 250 ms and below the "
                    + "connection timeout");
        }
        if (statementTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the database statement timeout must be at least 1 s");
        }
    }

    /** The most a store call may take, waiting for a connection included. */
    Duration callDeadline() {
        return connectionTimeout.plus(statementTimeout);
    }
}
