package io.driftwatch.config;

import java.time.Duration;

/**
 * Total time limits. Above {@code max} the run fails; above {@code degraded} it is DEGRADED (a warning).
 * Either may be null.
 */
public record LatencyExpectation(Duration max, Duration degraded) {}
