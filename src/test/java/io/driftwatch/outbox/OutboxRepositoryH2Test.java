package io.driftwatch.outbox;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class OutboxRepositoryH2Test extends OutboxRepositoryContract {
    @TempDir
    Path dir;

    HikariDataSource ds;

    @BeforeEach
    void open() {
        ds = TestDatabases.h2(dir);
    }

    @AfterEach
    void close() {
        ds.close();
    }

    @Override
    DataSource dataSource() {
        return ds;
    }
}
