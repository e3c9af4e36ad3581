package com.lucenthq.mcp.adapters.jdbc;

import static com.lucenthq.mcp.adapters.jdbc.Statements.instant;
import static com.lucenthq.mcp.adapters.jdbc.Statements.setTimestamp;

import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminKeyId;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link AdminStore} on a JDBC database with the {@code admin_keys} and {@code admin_sessions} tables
 * (PostgreSQL or H2), one auto-committed statement per call. Only the SHA-256 digests of keys and session
 * cookies are written.
 *
 * <p>Timestamps are written as UTC {@code TIMESTAMP WITH TIME ZONE} truncated to the microsecond, so that
 * what is read back equals what was written. Every {@link SQLException} becomes a
 * {@link TokenStoreUnavailableException} naming the operation, never the SQL; the cause is kept for the
 * operator's log. A session must name a stored key: the foreign key refuses any other, and that refusal
 * surfaces the same way.
 */
public final class JdbcAdminStore implements AdminStore {

    private static final String INSERT_KEY =
            "INSERT INTO admin_keys (id, org_id, key_hash, created_at) VALUES (?, ?, ?, ?)";
    private static final String SELECT_KEY_BY_HASH =
            "SELECT id, org_id, key_hash, created_at FROM admin_keys WHERE key_hash = ?";

    private static final String SESSION_COLUMNS = "session_hash, org_id, admin_key_id, created_at, expires_at";
    private static final String INSERT_SESSION =
            "INSERT INTO admin_sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_SESSION_BY_HASH =
            "SELECT " + SESSION_COLUMNS + " FROM admin_sessions WHERE session_hash = ?";
    private static final String DELETE_SESSION = "DELETE FROM admin_sessions WHERE session_hash = ?";
    private static final String DELETE_EXPIRED_SESSIONS = "DELETE FROM admin_sessions WHERE expires_at <= ?";

    private final DataSource dataSource;
    private final DatabaseLimits limits;

    public JdbcAdminStore(DataSource dataSource, DatabaseLimits limits) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void addCredential(AdminCredential credential) {
        run("store an admin key", INSERT_KEY, statement -> {
            statement.setObject(1, credential.id().value());
            statement.setString(2, credential.org().value());
            statement.setString(3, credential.hash().hex());
            setTimestamp(statement, 4, credential.createdAt());
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<AdminCredential> findCredentialByHash(TokenHash hash) {
        return run("look up an admin key", SELECT_KEY_BY_HASH, statement -> {
            statement.setString(1, hash.hex());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(credential(rows)) : Optional.empty();
            }
        });
    }

    @Override
    public void addSession(AdminSession session) {
        run("store an admin session", INSERT_SESSION, statement -> {
            statement.setString(1, session.hash().hex());
            statement.setString(2, session.org().value());
            statement.setObject(3, session.keyId().value());
            setTimestamp(statement, 4, session.createdAt());
            setTimestamp(statement, 5, session.expiresAt());
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<AdminSession> findSessionByHash(TokenHash hash) {
        return run("look up an admin session", SELECT_SESSION_BY_HASH, statement -> {
            statement.setString(1, hash.hex());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(session(rows)) : Optional.empty();
            }
        });
    }

    @Override
    public void deleteSession(TokenHash hash) {
        run("end an admin session", DELETE_SESSION, statement -> {
            statement.setString(1, hash.hex());
            return statement.executeUpdate();
        });
    }

    @Override
    public int deleteSessionsExpiredBy(Instant now) {
        return run("delete expired admin sessions", DELETE_EXPIRED_SESSIONS, statement -> {
            // Truncating is exact here: stored expiries are whole microseconds, so expiry <= now exactly
            // when expiry <= now truncated to the microsecond.
            setTimestamp(statement, 1, now);
            return statement.executeUpdate();
        });
    }

    private <T> T run(String operation, String sql, Statements.StatementWork<T> work) {
        return Statements.run(dataSource, limits, operation, sql, work);
    }

    /** Reads the columns of {@link #SELECT_KEY_BY_HASH}, by position. */
    private static AdminCredential credential(ResultSet row) throws SQLException {
        return new AdminCredential(
                new AdminKeyId(row.getObject(1, UUID.class)),
                OrgId.of(row.getString(2)),
                new TokenHash(row.getString(3)),
                instant(row, 4));
    }

    /** Reads {@link #SESSION_COLUMNS}, by position. */
    private static AdminSession session(ResultSet row) throws SQLException {
        return new AdminSession(
                new TokenHash(row.getString(1)),
                OrgId.of(row.getString(2)),
                new AdminKeyId(row.getObject(3, UUID.class)),
                instant(row, 4),
                instant(row, 5));
    }
}
