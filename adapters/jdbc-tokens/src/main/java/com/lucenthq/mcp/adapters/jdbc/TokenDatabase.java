package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.port.ClientStore;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The database that holds the MCP tokens and the admin keys and sessions: a small connection pool whose
 * schema Flyway brings up to date on open. {@link #tokenStore()} is the {@code TokenStore} on it and
 * {@link #adminStore()} the {@code AdminStore}, both on the same pool; {@link #close()} closes the pool.
 *
 * <p>Opening fails fast with a {@link TokenStoreUnavailableException} when the database cannot be
 * reached, and so does every store call while it stays unreachable or stops answering: each has a deadline
 * ({@link DatabaseLimits}). No message names the URL, a user or a password.
 */
public final class TokenDatabase implements AutoCloseable {

    /**
     * PostgreSQL only: without it, a query on a connection whose peer vanished waits for TCP to give
     * up, which takes minutes; requests should get their 503 in seconds instead.
     */
    private static final int POSTGRESQL_SOCKET_TIMEOUT_SECONDS = 10;

    private static final String MIGRATIONS = "classpath:db/migration/tokens";
    /** Our own history table, so that a database shared with other Flyway users keeps our versions apart. */
    private static final String SCHEMA_HISTORY_TABLE = "mcp_tokens_schema_history";

    /** Base name of the H2 files in the data directory ({@code tokens.mv.db}, {@code tokens.lock.db}). */
    private static final String H2_FILE = "tokens";
    private static final String H2_USER = "lucent";
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final HikariDataSource pool;
    private final JdbcTokenStore tokenStore;
    private final JdbcAdminStore adminStore;
    private final JdbcClientStore clientStore;
    private final JdbcGrantStore grantStore;

    private TokenDatabase(HikariDataSource pool, DatabaseLimits limits) {
        this.pool = pool;
        this.tokenStore = new JdbcTokenStore(pool, limits);
        this.adminStore = new JdbcAdminStore(pool, limits);
        this.clientStore = new JdbcClientStore(pool, limits);
        this.grantStore = new JdbcGrantStore(pool, limits);
    }

    /** Whether {@code dataDir} holds an embedded token database (its main H2 file, {@code tokens.mv.db}). */
    public static boolean h2FileExists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(H2_FILE + ".mv.db"));
    }

    /** Whether {@code file} is one the embedded database keeps in its directory ({@code tokens.mv.db}, {@code tokens.lock.db}, …). */
    public static boolean isH2File(Path file) {
        return file.getFileName().toString().startsWith(H2_FILE + ".");
    }

    /**
     * The embedded token database: H2 files {@code dataDir/tokens.*}, in H2's automatic mixed mode so
     * that a running server and a CLI process can use the same data directory at the same time (the
     * first to open it serves it to the other over loopback TCP). Creates the directory if needed and
     * restricts it to its owner where the file system has POSIX permissions: the lock file in it holds
     * the key to that TCP server.
     *
     * @throws TokenStoreUnavailableException when the directory or the database cannot be opened
     */
    public static TokenDatabase h2File(Path dataDir) {
        return h2File(dataDir, DatabaseLimits.DEFAULTS);
    }

    /** The embedded token database with {@code limits} instead of the defaults. */
    public static TokenDatabase h2File(Path dataDir, DatabaseLimits limits) {
        Path dir = dataDir.toAbsolutePath();
        if (dir.toString().contains(";")) {
            // H2 reads ';' in its URL as the start of a setting.
            throw new IllegalArgumentException("The token data directory path must not contain ';': " + dir);
        }
        createPrivateDirectory(dir);
        listenOnLoopbackOnly();
        return open("jdbc:h2:file:" + dir.resolve(H2_FILE) + ";AUTO_SERVER=TRUE", H2_USER, "", limits);
    }

    /**
     * Mixed mode's TCP server would otherwise listen on every interface; the data directory is local,
     * so only local processes need it. H2 reads the property once, when its classes load, so an
     * operator's own setting (e.g. {@code -Dh2.bindAddress=…}) is left alone.
     */
    private static void listenOnLoopbackOnly() {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    /**
     * A token database at a JDBC URL, e.g. {@code jdbc:postgresql://db:5432/lucent}; its schema is
     * created or migrated on open.
     *
     * @throws IllegalArgumentException       when no JDBC driver on the class path accepts the URL
     * @throws TokenStoreUnavailableException when the database cannot be reached or migrated
     */
    public static TokenDatabase open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DatabaseLimits.DEFAULTS);
    }

    /**
     * A token database at a JDBC URL with {@code limits}. Opening (connecting and migrating) has a deadline of its
     * own, the call deadline twice over: a database that accepts the connection and then never answers fails the
     * open instead of hanging it.
     */
    public static TokenDatabase open(String jdbcUrl, String user, String password, DatabaseLimits limits) {
        requireDriverFor(jdbcUrl);
        CompletableFuture<HikariDataSource> opened = new CompletableFuture<>();
        HikariDataSource pool;
        try {
            pool = Statements.withDeadline(limits.callDeadline().multipliedBy(2), "open the token database", () -> {
                HikariDataSource created = openPool(jdbcUrl, user, password, limits);
                opened.complete(created);
                return created;
            });
        } catch (TokenStoreUnavailableException e) {
            // Should the open still succeed after the deadline, its pool is not leaked.
            opened.thenAccept(HikariDataSource::close);
            throw e;
        }
        return new TokenDatabase(pool, limits);
    }

    private static HikariDataSource openPool(String jdbcUrl, String user, String password, DatabaseLimits limits) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(jdbcUrl, user, password, limits));
        } catch (PoolInitializationException e) {
            throw new TokenStoreUnavailableException("Could not connect to the token database within "
                    + limits.connectionTimeout().toSeconds() + " seconds: check that it is running and that its URL, user"
                    + " and password are right.", e);
        }
        try {
            migrate(pool);
        } catch (FlywayException e) {
            pool.close();
            throw new TokenStoreUnavailableException("Could not bring the token database schema up to date.", e);
        }
        return pool;
    }

    public JdbcTokenStore tokenStore() {
        return tokenStore;
    }

    /** The admin keys and sessions, beside the tokens and on the same pool. */
    public AdminStore adminStore() {
        return adminStore;
    }

    /** The dynamically registered OAuth clients, on the same pool. */
    public ClientStore clientStore() {
        return clientStore;
    }

    /** The OAuth grants, codes and refresh tokens, on the same pool. */
    public GrantStore grantStore() {
        return grantStore;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(String jdbcUrl, String user, String password, DatabaseLimits limits) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lucent-tokens");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(limits.maxConnections());
        // A CLI run needs one connection; the server's pool grows to the maximum under load.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(limits.connectionTimeout().toMillis());
        config.setValidationTimeout(limits.validationTimeout().toMillis());
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // A default only: pgjdbc lets the same parameter in the URL override it.
            config.addDataSourceProperty("socketTimeout", Integer.toString(POSTGRESQL_SOCKET_TIMEOUT_SECONDS));
        }
        return config;
    }

    /**
     * Checks up front, because the pool's own error for an unknown URL quotes the URL, and with it any
     * password written into it.
     */
    private static void requireDriverFor(String jdbcUrl) {
        try {
            DriverManager.getDriver(jdbcUrl);
        } catch (SQLException e) {
            throw new IllegalArgumentException("No JDBC driver accepts the token database URL;"
                    + " expected jdbc:postgresql://… or jdbc:h2:….", e);
        }
    }

    private static void migrate(HikariDataSource pool) {
        Flyway.configure(TokenDatabase.class.getClassLoader())
                .dataSource(pool)
                .locations(MIGRATIONS)
                .table(SCHEMA_HISTORY_TABLE)
                // A PostgreSQL schema shared with other tables has none of ours yet: start below V1 there
                // instead of refusing to migrate a non-empty schema.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static void createPrivateDirectory(Path dir) {
        try {
            if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir);
                return;
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            restrictToOwner(dir);
        } catch (IOException e) {
            throw new TokenStoreUnavailableException("Could not create the token data directory " + dir + ".", e);
        }
    }

    /** Also an existing directory, as far as we are allowed: one given by an operator may be group-readable. */
    private static void restrictToOwner(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        } catch (IOException notOurs) {
            // A directory another user owns keeps the permissions its owner chose.
        }
    }
}
