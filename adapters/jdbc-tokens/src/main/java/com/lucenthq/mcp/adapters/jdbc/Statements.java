package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * What the stores on the token database share: one auto-committed prepared statement per call, every
 * {@link SQLException} turned into a {@link TokenStoreUnavailableException} that names the operation but
 * never the SQL, and timestamps as UTC {@code TIMESTAMP WITH TIME ZONE} truncated to the microsecond, the
 * precision both PostgreSQL and H2 keep.
 */
final class Statements {

    private Statements() {
    }

    /** The work done with one prepared statement, which may throw what JDBC throws. */
    @FunctionalInterface
    interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** The work done with one connection in one transaction, which may throw what JDBC throws. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on {@code sql} prepared on a connection of its own; {@code operation} completes "Could not …".
     * The call gets {@link DatabaseLimits#callDeadline()}: it runs on a virtual thread of its own, so that a database
     * that never answers (no JDBC timeout can reach a stopped peer) fails this call in time instead of holding it.
     */
    static <T> T run(DataSource dataSource, DatabaseLimits limits, String operation, String sql, StatementWork<T> work) {
        return withDeadline(limits.callDeadline(), operation, () -> runNow(dataSource, limits, operation, sql, work));
    }

    /** {@code call}'s result, or a TokenStoreUnavailableException once {@code deadline} has passed without one. */
    static <T> T withDeadline(Duration deadline, String operation, Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("token-database-call").start(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new TokenStoreUnavailableException("Could not " + operation + ": the token database did not answer within "
                    + deadline.toSeconds() + " s.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new TokenStoreUnavailableException("Could not " + operation + ": the token database failed.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new TokenStoreUnavailableException("Could not " + operation + ": interrupted.", e);
        }
    }

    private static <T> T runNow(DataSource dataSource, DatabaseLimits limits, String operation, String sql,
                                StatementWork<T> work) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout((int) limits.statementTimeout().toSeconds());
            return work.apply(statement);
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws, with the same
     * deadline as {@link #run}.
     */
    static <T> T inTransaction(DataSource dataSource, DatabaseLimits limits, String operation, TransactionWork<T> work) {
        return withDeadline(limits.callDeadline(), operation, () -> inTransactionNow(dataSource, operation, work));
    }

    private static <T> T inTransactionNow(DataSource dataSource, String operation, TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    private static TokenStoreUnavailableException unavailable(String operation, SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
        return new TokenStoreUnavailableException("Could not " + operation + ": the token database failed" + state + ".", e);
    }

    /** Binds {@code instant} in UTC to the microsecond, or SQL NULL for null. */
    static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    /**
     * The instant in {@code column} (a position, as every row mapping here reads: a lookup by name costs a
     * case-insensitive search per column) of the current row, or null for SQL NULL.
     */
    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
