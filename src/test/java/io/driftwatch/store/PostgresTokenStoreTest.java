package io.driftwatch.store;

import io.driftwatch.vendor.TokenStore;
import io.driftwatch.vendor.TokenStoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The token store contract on PostgreSQL at 127.0.0.1:5432 (user postgres, trust), in a database created
 * for this class; each test starts from an empty table. Skipped, with the reason, when unreachable.
 */
class PostgresTokenStoreTest extends TokenStoreContract {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static String database;
    private static Database db;
    private JdbcTokenStore store;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            database = "driftwatch_tokens_"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            s.executeUpdate("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
        db = Database.open(SERVER + database + "?user=postgres");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (db != null) db.close();
        if (database == null) return;
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Connection admin() {
        try {
            return DriverManager.getConnection(SERVER + "postgres?user=postgres&connectTimeout=3");
        } catch (SQLException e) {
            return Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432: " + e.getMessage());
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM vendor_token");
        }
        store = new JdbcTokenStore(db);
    }

    @Override
    protected TokenStore store() {
        return store;
    }
}
