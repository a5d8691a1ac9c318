package io.driftwatch.config;

import java.time.Duration;
import java.time.ZoneId;

/** When a probe runs: a fixed interval, or a Quartz cron expression in a time zone. */
public sealed interface Schedule {

    /** Runs every {@code interval}; the first run is jittered within one interval. */
    record Every(Duration interval) implements Schedule {}

    /** Quartz cron (seconds field first), evaluated in {@code zone}. */
    record Cron(String expression, ZoneId zone) implements Schedule {}
}
