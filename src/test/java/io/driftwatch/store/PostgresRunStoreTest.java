package io.driftwatch.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), in a fresh database
 * created for this class and dropped after it. Skipped, with the reason, when the server is unreachable.
 */
class PostgresRunStoreTest extends StoreFixture implements RunStoreContract, RetentionContract, RunWriterContract {
    private static final String HOST_PORT = "127.0.0.1:5432";
    private static final String SERVER = "jdbc:postgresql://" + HOST_PORT + "/";
    private static String database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = admin()) {
            database = "driftwatch_test_"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database == null) return;
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** A connection to the maintenance database, or an aborted (skipped) test class. */
    private static Connection admin() {
        try {
            return DriverManager.getConnection(SERVER + "postgres?user=postgres&connectTimeout=3");
        } catch (SQLException e) {
            return Assumptions.abort("PostgreSQL not reachable at " + HOST_PORT + ": " + e.getMessage());
        }
    }

    @Override
    String jdbcUrl() {
        return SERVER + database + "?user=postgres";
    }

    @Override
    public Dialect expectedDialect() {
        return PostgresDialect.INSTANCE;
    }
}
