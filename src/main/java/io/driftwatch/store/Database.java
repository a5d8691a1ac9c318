package io.driftwatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store's connection pool, migrated to the newest schema when opened. One per process; open it
 * at start-up, close it last at shutdown (after the {@link RunWriter} that writes through it).
 *
 * <p>Thread-safe. {@link #dataSource()} hands out pooled connections; callers close them.
 */
public final class Database implements AutoCloseable {

    /** Where Flyway finds migrations; see the header of V1__probe_runs.sql for numbering. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    private final HikariDataSource dataSource;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens and migrates the store at a URL that carries its own credentials, if any. */
    public static Database open(String jdbcUrl) {
        return open(DatabaseSettings.of(jdbcUrl));
    }

    /**
     * Opens the pool, then applies pending migrations. Fails with a {@link StoreException} naming the
     * (redacted) URL when the database cannot be reached or a migration fails; nothing stays open then.
     */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = Dialect.fromUrl(settings.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setPoolName("driftwatch-store");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.username() != null) config.setUsername(settings.username());
        if (settings.password() != null) config.setPassword(settings.password().reveal());
        int poolSize = settings.maxPoolSize() > 0 ? settings.maxPoolSize() : dialect.defaultPoolSize();
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        if (dialect instanceof PostgresDialect) {
            // Lets the driver send a batch of inserts as one multi-row statement (one round trip).
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "cannot open store at " + redact(settings.jdbcUrl()) + ": " + rootMessage(e, settings), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    // Parts own separate version ranges (V1-9 store, V20-29 alerting...), so a lower
                    // number can legitimately arrive after a higher one was applied.
                    .outOfOrder(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException(
                    "cannot migrate store at " + redact(settings.jdbcUrl()) + ": " + rootMessage(e, settings), e);
        }
        return new Database(pool, dialect);
    }

    /**
     * The embedded store's URL: an H2 file {@code <dataDir>/driftwatch.mv.db}, created with its
     * directories on first open. Only this process may open it (H2 locks the file). Settings, and why:
     *
     * <ul>
     *   <li>{@code WRITE_DELAY=0}: every commit reaches the file before it returns. H2's default (write
     *       within a second) loses already committed rows if the process dies, and an outbox row that a
     *       commit promised must survive a crash.
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook does not close the database under a
     *       writer that is still flushing; {@link #close()} closes it, when the last pooled connection
     *       goes.
     *   <li>{@code LOCK_TIMEOUT=10000}: retention deletes and run inserts wait up to 10 s for each
     *       other's row locks instead of failing after H2's 1 s default.
     *   <li>{@code CACHE_SIZE=4096}: a 4 MB page cache instead of 16 MB. The run history is written far
     *       more than read, and the cached pages outlive young collections: at 10,000 probes peak RSS
     *       453 -> 425 MB and young pauses 39 -> 32 ms on average (docs/BENCHMARKS.md).
     * </ul>
     */
    public static String embeddedUrl(Path dataDir) {
        String path = dataDir.toAbsolutePath().normalize().resolve("driftwatch").toString();
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException("data directory path must not contain ';': " + dataDir);
        }
        return "jdbc:h2:file:" + path + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;CACHE_SIZE=4096";
    }

    /** A JDBC URL with any {@code password=} parameter masked, safe for logs and messages. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null : PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1****");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} on one connection in one transaction: commits when it returns, rolls back when
     * it throws. An {@link SQLException} (from the work or the commit) becomes a {@link StoreException};
     * a runtime exception from the work is rethrown as is, after the rollback. Later parts use this to
     * write alert state and its outbox row atomically.
     */
    public <T> T inTransaction(SqlFunction<Connection, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("store transaction failed: " + e.getMessage(), e);
        }
    }

    /** Closes the pool; for H2 this closes the database file once the last connection is gone. */
    @Override
    public void close() {
        dataSource.close();
    }

    public boolean isClosed() {
        return dataSource.isClosed();
    }

    /**
     * Whether a pooled connection answers within the timeout (for {@code /readyz}). Never throws: a
     * closed pool or an unreachable server is simply not reachable.
     */
    public boolean isReachable(java.time.Duration timeout) {
        if (dataSource.isClosed()) return false;
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // The pool resets auto-commit when the connection is returned; a broken connection is evicted.
        }
    }

    /** The innermost cause's message, with the password masked wherever a driver might echo it. */
    private static String rootMessage(Throwable e, DatabaseSettings settings) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = redact(message);
        if (settings.password() != null && !settings.password().isEmpty()) {
            message = message.replace(settings.password().reveal(), io.driftwatch.config.Secret.MASK);
        }
        return message;
    }
}
