package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Switching to Quartz's JDBC job store takes configuration only: a probe is stored by its id alone,
 * fires, and survives a restart with its trigger (and so its phase) intact. Subclasses provide the
 * database and its keys.
 */
abstract class JdbcJobStoreContract {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** A connection to the empty database, kept open for the whole test. */
    abstract Connection connection() throws SQLException;

    /** The DDL file in the Quartz jar, e.g. {@code tables_h2.sql}. */
    abstract String ddlResource();

    /** The {@code org.quartz.dataSource.quartz.*} and job store keys for this database. */
    abstract Map<String, String> storeSettings();

    @Test
    void aProbeIsStoredByIdFiresAndSurvivesARestart() throws Exception {
        try (Connection db = connection()) {
            createTables(db);
            SchedulerSettings settings = ScheduleFixtures.settings()
                    .with(Map.of(
                            "org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX",
                            "org.quartz.jobStore.dataSource", "quartz",
                            "org.quartz.jobStore.tablePrefix", "QRTZ_",
                            "org.quartz.jobStore.useProperties", "true",
                            "org.quartz.dataSource.quartz.provider", "hikaricp",
                            "org.quartz.dataSource.quartz.maxConnections", "12"))
                    .with(storeSettings());

            RecordingTask firstTask = new RecordingTask();
            ProbeScheduler first = scheduler(settings, firstTask);
            long startTime;
            try {
                first.schedule(ScheduleFixtures.every("persisted", INTERVAL));
                first.start();
                await().atMost(BOUND).until(() -> firstTask.runs("persisted").size() >= 2);

                assertThat(query(db, "SELECT JOB_CLASS_NAME FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'persisted'"))
                        .isEqualTo(ProbeJob.class.getName());
                startTime = Long.parseLong(
                        query(db, "SELECT START_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'persisted'"));
            } finally {
                first.shutdown();
            }

            RecordingTask secondTask = new RecordingTask();
            ProbeScheduler second = scheduler(settings, secondTask);
            try {
                assertThat(second.scheduledIds()).containsExactly("persisted");
                second.schedule(ScheduleFixtures.every("persisted", INTERVAL)); // unchanged: trigger kept
                assertThat(Long.parseLong(
                                query(db, "SELECT START_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'persisted'")))
                        .isEqualTo(startTime);
                second.start();
                await().atMost(BOUND).until(() -> secondTask.runs("persisted").size() >= 2);

                second.unschedule("persisted");
                assertThat(query(db, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS")).isEqualTo("0");
            } finally {
                second.shutdown();
            }
        }
    }

    private static ProbeScheduler scheduler(SchedulerSettings settings, RecordingTask task) {
        RunDispatcher dispatcher = new RunDispatcher(task, c -> 10, 100, new SimpleMeterRegistry(), Clock.systemUTC());
        return new ProbeScheduler(settings, dispatcher, Clock.systemUTC());
    }

    private void createTables(Connection db) throws IOException, SQLException {
        String script;
        try (InputStream in =
                org.quartz.Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/" + ddlResource())) {
            assertThat(in).as(ddlResource()).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments =
                script.lines().filter(line -> !line.trim().startsWith("--")).collect(Collectors.joining("\n"));
        try (Statement statement = db.createStatement()) {
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static String query(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
