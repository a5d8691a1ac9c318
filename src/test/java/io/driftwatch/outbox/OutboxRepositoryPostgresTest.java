package io.driftwatch.outbox;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The same contract on PostgreSQL at 127.0.0.1:5432, in a database created for this class and dropped after. */
class OutboxRepositoryPostgresTest extends OutboxRepositoryContract {
    static TestDatabases.PgDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabases.postgres();
    }

    @AfterAll
    static void close() throws SQLException {
        if (db != null) db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        TestDatabases.empty(db.dataSource());
    }

    @Override
    DataSource dataSource() {
        return db.dataSource();
    }
}
