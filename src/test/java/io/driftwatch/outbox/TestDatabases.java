package io.driftwatch.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/** Real databases for tests: an H2 file in a temp dir, or a fresh PostgreSQL database on 127.0.0.1:5432. */
public final class TestDatabases {
    public static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private TestDatabases() {}

    /** Opens (or reopens: same dir = same database) an H2 file database and migrates it. */
    public static HikariDataSource h2(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("driftwatch").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds);
        return ds;
    }

    public static void migrate(javax.sql.DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Deletes every alerting row, so one migrated database serves a whole test class. */
    public static void empty(javax.sql.DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute("DELETE FROM alert_outbox");
            st.execute("DELETE FROM alert_state");
        }
    }

    /** A fresh PostgreSQL database; aborts the test with the reason when the server is unreachable. */
    public static PgDatabase postgres() {
        String name = "dw_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 (user postgres) is not reachable: " + e.getMessage());
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds);
        return new PgDatabase(name, ds);
    }

    /** Closing drops the database. */
    public record PgDatabase(String name, HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            dataSource.close();
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }
}
