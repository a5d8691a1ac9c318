package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SchedulerSettingsTest {

    private static final String PASSWORD = "pw-4f9c2e-never-printed";

    @TempDir
    Path dir;

    @Test
    void defaultsAreAnEmbeddedStoreWithASmallPoolTunedForFastFiring() {
        SchedulerSettings defaults = SchedulerSettings.defaults();

        assertThat(defaults.get(SchedulerSettings.JOB_STORE_CLASS)).isEqualTo("org.quartz.simpl.RAMJobStore");
        assertThat(defaults.get(SchedulerSettings.THREAD_COUNT)).isEqualTo("8");
        assertThat(defaults.get("org.quartz.scheduler.batchTriggerAcquisitionMaxCount"))
                .isEqualTo("8");
        assertThat(defaults.get("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow"))
                .isEqualTo("5");
        assertThat(defaults.get("org.quartz.scheduler.skipUpdateCheck")).isEqualTo("true");
        assertThat(defaults.get(SchedulerSettings.INSTANCE_NAME)).isEqualTo("driftwatch");
    }

    @Test
    void aFileOverridesTheDefaultsAndMapEntriesOverrideTheFile() throws IOException {
        Path file = dir.resolve("scheduler.properties");
        Files.writeString(file, """
                # switch to the JDBC store
                org.quartz.jobStore.class=org.quartz.impl.jdbcjobstore.JobStoreTX
                org.quartz.threadPool.threadCount=4
                """, StandardCharsets.UTF_8);

        SchedulerSettings settings =
                SchedulerSettings.defaults().withFile(file).with(Map.of(SchedulerSettings.THREAD_COUNT, "6"));

        assertThat(settings.get(SchedulerSettings.JOB_STORE_CLASS))
                .isEqualTo("org.quartz.impl.jdbcjobstore.JobStoreTX");
        assertThat(settings.get(SchedulerSettings.THREAD_COUNT)).isEqualTo("6");
        assertThat(settings.get(SchedulerSettings.MISFIRE_THRESHOLD)).isEqualTo("10000");
        // Immutable: the defaults did not change.
        assertThat(SchedulerSettings.defaults().get(SchedulerSettings.THREAD_COUNT))
                .isEqualTo("8");
    }

    @Test
    void theIntervalTimerRunsEveryProbesOnlyOnTheRamStoreAndCanBeSwitchedOff() {
        assertThat(SchedulerSettings.defaults().intervalTimer()).isTrue();
        assertThat(SchedulerSettings.defaults()
                        .with(SchedulerSettings.INTERVAL_TIMER, "false")
                        .intervalTimer())
                .isFalse();
        assertThat(SchedulerSettings.defaults()
                        .with(SchedulerSettings.JOB_STORE_CLASS, "org.quartz.impl.jdbcjobstore.JobStoreTX")
                        .intervalTimer())
                .isFalse();
        assertThatThrownBy(() -> SchedulerSettings.defaults()
                        .with(SchedulerSettings.INTERVAL_TIMER, "no")
                        .intervalTimer())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("driftwatch.scheduler.intervalTimer must be true or false, was \"no\"");
    }

    @Test
    void driftwatchKeysAreNotPassedToQuartz() {
        SchedulerSettings settings = ScheduleFixtures.settings().with(SchedulerSettings.INTERVAL_TIMER, "false");

        assertThat(settings.toProperties()).doesNotContainKey(SchedulerSettings.INTERVAL_TIMER);
        assertThat(settings.toProperties()).containsKey(SchedulerSettings.JOB_STORE_CLASS);
        RunDispatcher dispatcher =
                new RunDispatcher(new RecordingTask(), c -> 1, 1, new SimpleMeterRegistry(), Clock.systemUTC());
        new ProbeScheduler(settings, dispatcher, Clock.systemUTC()).shutdown();
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> SchedulerSettings.defaults().withFile(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read scheduler settings " + missing);
    }

    @Test
    void theDatabasePasswordNeverAppearsInToStringLogsOrErrors() {
        // The tables do not exist, so the first store access fails.
        SchedulerSettings settings = ScheduleFixtures.settings()
                .with(Map.of(
                        "org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX",
                        "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate",
                        "org.quartz.jobStore.dataSource", "quartz",
                        "org.quartz.dataSource.quartz.provider", "hikaricp",
                        "org.quartz.dataSource.quartz.driver", "org.h2.Driver",
                        "org.quartz.dataSource.quartz.URL", "jdbc:h2:mem:no-tables-" + UUID.randomUUID(),
                        "org.quartz.dataSource.quartz.user", "sa",
                        "org.quartz.dataSource.quartz.password", PASSWORD));
        assertThat(settings.toString())
                .contains("org.quartz.dataSource.quartz.password")
                .doesNotContain(PASSWORD);

        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        // Capture everything Quartz and Hikari say, whatever the test logging configuration keeps.
        ch.qos.logback.classic.Level rootLevel = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        RunDispatcher dispatcher =
                new RunDispatcher(new RecordingTask(), c -> 1, 1, new SimpleMeterRegistry(), Clock.systemUTC());
        ProbeScheduler scheduler = new ProbeScheduler(settings, dispatcher, Clock.systemUTC());
        try {
            assertThatThrownBy(() -> scheduler.schedule(ScheduleFixtures.every("p", Duration.ofMinutes(1))))
                    .isInstanceOf(ScheduleException.class)
                    .hasMessageStartingWith("cannot schedule probe p: ")
                    .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(PASSWORD));
        } finally {
            scheduler.shutdown();
            root.detachAppender(logs);
            root.setLevel(rootLevel);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD);
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(PASSWORD);
            }
        });
    }

    private static String stackTraceOf(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
