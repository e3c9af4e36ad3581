package com.lucenthq.mcp.adapters.jdbc;

import static com.lucenthq.mcp.adapters.jdbc.Statements.instant;
import static com.lucenthq.mcp.adapters.jdbc.Statements.setTimestamp;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientName;
import com.lucenthq.mcp.domain.oauth.CodeChallenge;
import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.oauth.GrantId;
import com.lucenthq.mcp.domain.oauth.Registration;
import com.lucenthq.mcp.domain.oauth.StoredCode;
import com.lucenthq.mcp.domain.oauth.StoredRefreshToken;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.sql.Connection;
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
 * The {@link GrantStore} on the {@code oauth_grants}, {@code oauth_codes} and {@code oauth_refresh_tokens}
 * tables, with access tokens as {@code mcp_tokens} rows that name their grant. "Use once" is a conditional update
 * ({@code … AND consumed_at IS NULL}), so that of concurrent callers on any replicas exactly one sees a row change.
 */
public final class JdbcGrantStore implements GrantStore {

    private static final String INSERT_GRANT = "INSERT INTO oauth_grants (id, org_id, client_id, client_name, registration,"
            + " created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String GRANT_COLUMNS = "g.id, g.org_id, g.client_id, g.client_name, g.registration, g.created_at,"
            + " (SELECT MAX(t.last_used_at) FROM mcp_tokens t WHERE t.grant_id = g.id), g.revoked_at";
    private static final String SELECT_GRANT = "SELECT " + GRANT_COLUMNS + " FROM oauth_grants g WHERE g.id = ?";
    private static final String SELECT_ORG_GRANT = "SELECT " + GRANT_COLUMNS + " FROM oauth_grants g WHERE g.org_id = ? AND g.id = ?";
    private static final String SELECT_ORG_GRANTS = "SELECT " + GRANT_COLUMNS
            + " FROM oauth_grants g WHERE g.org_id = ? ORDER BY g.created_at DESC, g.id DESC";
    private static final String REVOKE_GRANT =
            "UPDATE oauth_grants SET revoked_at = ? WHERE org_id = ? AND id = ? AND revoked_at IS NULL";
    private static final String REVOKE_GRANT_TOKENS =
            "UPDATE mcp_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL";

    private static final String CODE_COLUMNS =
            "code_hash, grant_id, client_id, redirect_uri, code_challenge, resource, expires_at, consumed_at";
    private static final String INSERT_CODE = "INSERT INTO oauth_codes (" + CODE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_CODE = "SELECT " + CODE_COLUMNS + " FROM oauth_codes WHERE code_hash = ?";
    private static final String CONSUME_CODE =
            "UPDATE oauth_codes SET consumed_at = ? WHERE code_hash = ? AND consumed_at IS NULL";
    private static final String DELETE_EXPIRED_CODES = "DELETE FROM oauth_codes WHERE expires_at < ?";

    private static final String REFRESH_COLUMNS = "token_hash, grant_id, created_at, expires_at, used_at";
    private static final String INSERT_REFRESH = "INSERT INTO oauth_refresh_tokens (" + REFRESH_COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_REFRESH = "SELECT " + REFRESH_COLUMNS + " FROM oauth_refresh_tokens WHERE token_hash = ?";
    private static final String USE_REFRESH =
            "UPDATE oauth_refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL";

    private static final String INSERT_ACCESS_TOKEN = "INSERT INTO mcp_tokens (" + JdbcTokenStore.COLUMNS
            + ", grant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_GRANT_OF_TOKEN =
            "SELECT grant_id FROM mcp_tokens WHERE token_hash = ? AND grant_id IS NOT NULL";

    private final DataSource dataSource;
    private final DatabaseLimits limits;

    public JdbcGrantStore(DataSource dataSource, DatabaseLimits limits) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void addGrant(Grant grant, StoredCode code) {
        Statements.inTransaction(dataSource, limits, "store an OAuth grant", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_GRANT)) {
                statement.setObject(1, grant.id().value());
                statement.setString(2, grant.org().value());
                statement.setString(3, grant.clientId().value());
                statement.setString(4, grant.clientName().value());
                statement.setString(5, grant.registration().name());
                setTimestamp(statement, 6, grant.createdAt());
                setTimestamp(statement, 7, grant.revokedAt());
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(INSERT_CODE)) {
                statement.setString(1, code.hash().hex());
                statement.setObject(2, code.grant().value());
                statement.setString(3, code.clientId().value());
                statement.setString(4, code.redirectUri());
                statement.setString(5, code.challenge().value());
                statement.setString(6, code.resource());
                setTimestamp(statement, 7, code.expiresAt());
                setTimestamp(statement, 8, code.consumedAt());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<StoredCode> findCode(TokenHash hash) {
        return Statements.run(dataSource, limits, "look up an authorization code", SELECT_CODE, statement -> {
            statement.setString(1, hash.hex());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new StoredCode(new TokenHash(row.getString(1)),
                        new GrantId(row.getObject(2, UUID.class)), ClientId.of(row.getString(3)), row.getString(4),
                        CodeChallenge.of(row.getString(5)), row.getString(6), instant(row, 7), instant(row, 8)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public boolean consumeCode(TokenHash hash, Instant at) {
        return Statements.run(dataSource, limits, "redeem an authorization code", CONSUME_CODE, statement -> {
            setTimestamp(statement, 1, at);
            statement.setString(2, hash.hex());
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public void issue(GrantId grant, McpToken accessToken, StoredRefreshToken refreshToken) {
        Statements.inTransaction(dataSource, limits, "issue OAuth tokens", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_ACCESS_TOKEN)) {
                JdbcTokenStore.bind(statement, accessToken);
                statement.setObject(9, grant.value());
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(INSERT_REFRESH)) {
                statement.setString(1, refreshToken.hash().hex());
                statement.setObject(2, refreshToken.grant().value());
                setTimestamp(statement, 3, refreshToken.createdAt());
                setTimestamp(statement, 4, refreshToken.expiresAt());
                setTimestamp(statement, 5, refreshToken.usedAt());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<StoredRefreshToken> findRefreshToken(TokenHash hash) {
        return Statements.run(dataSource, limits, "look up a refresh token", SELECT_REFRESH, statement -> {
            statement.setString(1, hash.hex());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new StoredRefreshToken(new TokenHash(row.getString(1)),
                        new GrantId(row.getObject(2, UUID.class)), instant(row, 3), instant(row, 4), instant(row, 5)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public boolean useRefreshToken(TokenHash hash, Instant at) {
        return Statements.run(dataSource, limits, "use a refresh token", USE_REFRESH, statement -> {
            setTimestamp(statement, 1, at);
            statement.setString(2, hash.hex());
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public Optional<GrantId> grantOfAccessToken(TokenHash hash) {
        return Statements.run(dataSource, limits, "look up a token's grant", SELECT_GRANT_OF_TOKEN, statement -> {
            statement.setString(1, hash.hex());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new GrantId(row.getObject(1, UUID.class))) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<Grant> find(GrantId id) {
        return Statements.run(dataSource, limits, "look up an OAuth grant", SELECT_GRANT, statement -> {
            statement.setObject(1, id.value());
            return first(statement);
        });
    }

    @Override
    public Optional<Grant> find(OrgId org, GrantId id) {
        return Statements.run(dataSource, limits, "look up an OAuth grant", SELECT_ORG_GRANT, statement -> {
            statement.setString(1, org.value());
            statement.setObject(2, id.value());
            return first(statement);
        });
    }

    @Override
    public List<Grant> list(OrgId org) {
        return Statements.run(dataSource, limits, "list OAuth grants", SELECT_ORG_GRANTS, statement -> {
            statement.setString(1, org.value());
            try (ResultSet rows = statement.executeQuery()) {
                List<Grant> grants = new ArrayList<>();
                while (rows.next()) {
                    grants.add(grant(rows));
                }
                return List.copyOf(grants);
            }
        });
    }

    @Override
    public boolean revoke(OrgId org, GrantId id, Instant at) {
        return Statements.inTransaction(dataSource, limits, "revoke an OAuth grant", connection -> {
            if (update(connection, REVOKE_GRANT, at, org, id) == 0) {
                return false;
            }
            update(connection, REVOKE_GRANT_TOKENS, at, null, id);
            return true;
        });
    }

    @Override
    public int deleteCodesExpiredBefore(Instant cutoff) {
        return Statements.run(dataSource, limits, "delete expired authorization codes", DELETE_EXPIRED_CODES, statement -> {
            setTimestamp(statement, 1, cutoff);
            return statement.executeUpdate();
        });
    }

    private static int update(Connection connection, String sql, Instant at, OrgId org, GrantId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            setTimestamp(statement, index++, at);
            if (org != null) {
                statement.setString(index++, org.value());
            }
            statement.setObject(index, id.value());
            return statement.executeUpdate();
        }
    }

    private static Optional<Grant> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(grant(rows)) : Optional.empty();
        }
    }

    /** Reads {@link #GRANT_COLUMNS}, by position. */
    private static Grant grant(ResultSet row) throws SQLException {
        return new Grant(new GrantId(row.getObject(1, UUID.class)), OrgId.of(row.getString(2)),
                ClientId.of(row.getString(3)), ClientName.of(row.getString(4)), Registration.valueOf(row.getString(5)),
                instant(row, 6), instant(row, 7), instant(row, 8));
    }
}
