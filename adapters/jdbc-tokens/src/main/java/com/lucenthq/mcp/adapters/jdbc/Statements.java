package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

    /** Runs {@code work} on {@code sql} prepared on a connection of its own; {@code operation} completes "Could not …". */
    static <T> T run(DataSource dataSource, String operation, String sql, StatementWork<T> work) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.apply(statement);
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    static <T> T inTransaction(DataSource dataSource, String operation, TransactionWork<T> work) {
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
