package io.driftwatch.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The clustered JDBC job store on the PostgreSQL at 127.0.0.1:5432 (user postgres, trust), in a
 * database made for this test and dropped after it. Skipped when that server is not reachable.
 */
class PostgresJobStoreTest extends JdbcJobStoreContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database =
            "driftwatch_sched_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createDatabase() {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432 as postgres: " + e.getMessage());
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Override
    Connection connection() throws SQLException {
        return DriverManager.getConnection(SERVER + database, "postgres", "");
    }

    @Override
    String ddlResource() {
        return "tables_postgres.sql";
    }

    @Override
    Map<String, String> storeSettings() {
        return Map.of(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate",
                "org.quartz.jobStore.isClustered", "true",
                "org.quartz.jobStore.clusterCheckinInterval", "1000",
                "org.quartz.jobStore.acquireTriggersWithinLock", "true",
                "org.quartz.scheduler.instanceId", "AUTO",
                "org.quartz.dataSource.quartz.driver", "org.postgresql.Driver",
                "org.quartz.dataSource.quartz.URL", SERVER + database,
                "org.quartz.dataSource.quartz.user", "postgres",
                "org.quartz.dataSource.quartz.password", "");
    }
}
