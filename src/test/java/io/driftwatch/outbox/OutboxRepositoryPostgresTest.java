package io.driftwatch.outbox;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same contract on PostgreSQL at 127.0.0.1:5432, in a database created for this test and dropped after. */
class OutboxRepositoryPostgresTest extends OutboxRepositoryContract {
    TestDatabases.PgDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
    }

    @AfterEach
    void close() throws SQLException {
        if (db != null) db.close();
    }

    @Override
    DataSource dataSource() {
        return db.dataSource();
    }
}
