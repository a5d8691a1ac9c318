package io.driftwatch.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The JDBC job store on an in-memory H2 database, with the DDL shipped in the Quartz jar. */
class H2JobStoreTest extends JdbcJobStoreContract {

    private final String url = "jdbc:h2:mem:quartz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    Connection connection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    String ddlResource() {
        return "tables_h2.sql";
    }

    @Override
    Map<String, String> storeSettings() {
        return Map.of(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate",
                "org.quartz.dataSource.quartz.driver", "org.h2.Driver",
                "org.quartz.dataSource.quartz.URL", url,
                "org.quartz.dataSource.quartz.user", "sa",
                "org.quartz.dataSource.quartz.password", "");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection db = connection();
                Statement statement = db.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
