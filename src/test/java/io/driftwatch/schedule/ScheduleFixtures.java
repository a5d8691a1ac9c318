package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.Schedule;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Probe definitions and scheduler settings for the schedule tests. */
final class ScheduleFixtures {

    private ScheduleFixtures() {}

    static ProbeDefinition every(String id, Duration interval) {
        return probe(id, "test probe", "test-connection", new Schedule.Every(interval));
    }

    static ProbeDefinition cron(String id, String expression) {
        return probe(id, "test probe", "test-connection", new Schedule.Cron(expression, ZoneOffset.UTC));
    }

    static ProbeDefinition probe(String id, String description, String connection, Schedule schedule) {
        return new ProbeDefinition(id, description, connection, schedule, null, null, null, Map.of(), null, null);
    }

    /** Defaults with a unique instance name: Quartz keeps one scheduler per name per JVM. */
    static SchedulerSettings settings() {
        return SchedulerSettings.defaults().with(SchedulerSettings.INSTANCE_NAME, "test-" + UUID.randomUUID());
    }
}
