package com.lucenthq.mcp.adapters.jdbc;

import static com.lucenthq.mcp.adapters.jdbc.Statements.instant;
import static com.lucenthq.mcp.adapters.jdbc.Statements.setTimestamp;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link TokenStore} on a JDBC database with the {@code mcp_tokens} table (PostgreSQL or H2), one
 * auto-committed statement per call. Rows that name an OAuth grant are access tokens: found by hash like any
 * token, but listed and revoked through their grant ({@link JdbcGrantStore}).
 *
 * <p>Timestamps are written as UTC {@code TIMESTAMP WITH TIME ZONE} truncated to the microsecond, the
 * precision both databases keep, so that a token read back equals the one written. Every
 * {@link SQLException} becomes a {@link TokenStoreUnavailableException} naming the operation, never the
 * SQL; the cause is kept for the operator's log.
 */
public final class JdbcTokenStore implements TokenStore {

    static final String COLUMNS = "id, org_id, name, token_hash, created_at, last_used_at, revoked_at, expires_at";
    private static final String INSERT =
            "INSERT INTO mcp_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_BY_HASH =
            "SELECT " + COLUMNS + " FROM mcp_tokens WHERE token_hash = ?";
    // The id breaks ties so that tokens created in the same microsecond keep a stable order.
    private static final String SELECT_BY_ORG =
            "SELECT " + COLUMNS + " FROM mcp_tokens WHERE org_id = ? AND grant_id IS NULL ORDER BY created_at DESC, id DESC";
    private static final String SELECT_BY_ORG_AND_ID =
            "SELECT " + COLUMNS + " FROM mcp_tokens WHERE org_id = ? AND id = ? AND grant_id IS NULL";
    private static final String REVOKE =
            "UPDATE mcp_tokens SET revoked_at = ? WHERE org_id = ? AND id = ? AND grant_id IS NULL AND revoked_at IS NULL";
    // The condition, not a read-then-write, keeps concurrent replicas from moving last use backwards.
    private static final String RECORD_USAGE =
            "UPDATE mcp_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)";

    private final DataSource dataSource;
    private final DatabaseLimits limits;

    public JdbcTokenStore(DataSource dataSource, DatabaseLimits limits) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void add(McpToken token) {
        run("store a token", INSERT, statement -> {
            bind(statement, token);
            return statement.executeUpdate();
        });
    }

    /** Binds {@link #COLUMNS} of {@code token}, by position. */
    static void bind(PreparedStatement statement, McpToken token) throws SQLException {
        statement.setObject(1, token.id().value());
        statement.setString(2, token.org().value());
        statement.setString(3, token.name().value());
        statement.setString(4, token.hash().hex());
        setTimestamp(statement, 5, token.createdAt());
        setTimestamp(statement, 6, token.lastUsedAt());
        setTimestamp(statement, 7, token.revokedAt());
        setTimestamp(statement, 8, token.expiresAt());
    }

    @Override
    public Optional<McpToken> findByHash(TokenHash hash) {
        return run("look up a token", SELECT_BY_HASH, statement -> {
            statement.setString(1, hash.hex());
            return first(statement);
        });
    }

    @Override
    public List<McpToken> list(OrgId org) {
        return run("list tokens", SELECT_BY_ORG, statement -> {
            statement.setString(1, org.value());
            try (ResultSet rows = statement.executeQuery()) {
                List<McpToken> tokens = new ArrayList<>();
                while (rows.next()) {
                    tokens.add(token(rows));
                }
                return List.copyOf(tokens);
            }
        });
    }

    @Override
    public Optional<McpToken> find(OrgId org, TokenId id) {
        return run("look up a token", SELECT_BY_ORG_AND_ID, statement -> {
            statement.setString(1, org.value());
            statement.setObject(2, id.value());
            return first(statement);
        });
    }

    @Override
    public boolean revoke(OrgId org, TokenId id, Instant at) {
        return run("revoke a token", REVOKE, statement -> {
            setTimestamp(statement, 1, at);
            statement.setString(2, org.value());
            statement.setObject(3, id.value());
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public void recordUsage(TokenId id, Instant at) {
        run("record token usage", RECORD_USAGE, statement -> {
            setTimestamp(statement, 1, at);
            statement.setObject(2, id.value());
            setTimestamp(statement, 3, at);
            return statement.executeUpdate();
        });
    }

    private <T> T run(String operation, String sql, Statements.StatementWork<T> work) {
        return Statements.run(dataSource, limits, operation, sql, work);
    }

    private static Optional<McpToken> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(token(rows)) : Optional.empty();
        }
    }

    /** Reads the columns of {@link #COLUMNS}, by position. */
    private static McpToken token(ResultSet row) throws SQLException {
        return new McpToken(
                new TokenId(row.getObject(1, UUID.class)),
                OrgId.of(row.getString(2)),
                TokenName.of(row.getString(3)),
                new TokenHash(row.getString(4)),
                instant(row, 5),
                instant(row, 6),
                instant(row, 7),
                instant(row, 8));
    }
}
