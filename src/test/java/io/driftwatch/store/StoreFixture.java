package io.driftwatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Opens the store under test before each test (migrating it, then emptying its tables) and closes it
 * after. Subclasses name the database; the contract interfaces they implement hold the tests, so
 * H2 and PostgreSQL run identical assertions.
 */
abstract class StoreFixture implements StoreAccess {
    private Database db;
    private RunStore store;

    /** The URL of a database this test class may use alone. */
    abstract String jdbcUrl();

    @BeforeEach
    void openStore() throws SQLException {
        db = Database.open(jdbcUrl());
        store = new RunStore(db);
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM probe_run");
            s.executeUpdate("DELETE FROM probe_latest");
        }
    }

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    @Override
    public Database db() {
        return db;
    }

    @Override
    public RunStore store() {
        return store;
    }

    @Override
    public void reopen() {
        db.close();
        db = Database.open(jdbcUrl());
        store = new RunStore(db);
    }

    @Override
    public long count(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
