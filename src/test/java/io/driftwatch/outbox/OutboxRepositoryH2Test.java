package io.driftwatch.outbox;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class OutboxRepositoryH2Test extends OutboxRepositoryContract {
    @TempDir
    static Path dir;

    static HikariDataSource ds;

    @BeforeAll
    static void open() {
        ds = TestDatabases.h2(dir);
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        TestDatabases.empty(ds);
    }

    @Override
    DataSource dataSource() {
        return ds;
    }
}
