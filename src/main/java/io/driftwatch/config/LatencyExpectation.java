package io.driftwatch.config;

import java.time.Duration;

/**
 * Total time limits. Above {@code max} the run fails; above {@code degraded} it is DEGRADED (a warning).
 * Either may be null.
 *
 * @param drift latency drift against the baseline p95 ({@code expect.latency.drift}), or null for the
 *     defaults
 */
public record LatencyExpectation(Duration max, Duration degraded, LatencyDriftExpectation drift) {

    public LatencyExpectation(Duration max, Duration degraded) {
        this(max, degraded, null);
    }
}
