package com.lucenthq.mcp.adapters.jdbc;

import static com.lucenthq.mcp.adapters.jdbc.Statements.instant;
import static com.lucenthq.mcp.adapters.jdbc.Statements.setTimestamp;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientName;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import com.lucenthq.mcp.domain.oauth.RedirectUri;
import com.lucenthq.mcp.domain.oauth.Registration;
import com.lucenthq.mcp.domain.port.ClientStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The {@link ClientStore} on the {@code oauth_clients} table. Redirect URIs are kept one per line: a URI cannot
 * contain a line break.
 */
public final class JdbcClientStore implements ClientStore {

    private static final String COLUMNS = "client_id, client_name, redirect_uris, created_at";
    private static final String INSERT = "INSERT INTO oauth_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM oauth_clients WHERE client_id = ?";
    private static final String DELETE_UNUSED = "DELETE FROM oauth_clients WHERE created_at < ? AND NOT EXISTS "
            + "(SELECT 1 FROM oauth_grants WHERE oauth_grants.client_id = oauth_clients.client_id)";

    private final DataSource dataSource;
    private final DatabaseLimits limits;

    public JdbcClientStore(DataSource dataSource, DatabaseLimits limits) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void add(OAuthClient client) {
        Statements.run(dataSource, limits, "store an OAuth client", INSERT, statement -> {
            statement.setString(1, client.id().value());
            statement.setString(2, client.name().value());
            statement.setString(3, client.redirectUris().stream().map(RedirectUri::value).collect(Collectors.joining("\n")));
            setTimestamp(statement, 4, client.createdAt());
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<OAuthClient> find(ClientId id) {
        return Statements.run(dataSource, limits, "look up an OAuth client", SELECT, statement -> {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(client(rows)) : Optional.empty();
            }
        });
    }

    @Override
    public int deleteUnusedCreatedBefore(Instant cutoff) {
        return Statements.run(dataSource, limits, "delete unused OAuth clients", DELETE_UNUSED, statement -> {
            setTimestamp(statement, 1, cutoff);
            return statement.executeUpdate();
        });
    }

    private static OAuthClient client(ResultSet row) throws SQLException {
        List<RedirectUri> redirectUris = Arrays.stream(row.getString(3).split("\n")).map(RedirectUri::of).toList();
        return new OAuthClient(ClientId.of(row.getString(1)), ClientName.of(row.getString(2)), redirectUris,
                Registration.DYNAMIC, instant(row, 4));
    }
}
