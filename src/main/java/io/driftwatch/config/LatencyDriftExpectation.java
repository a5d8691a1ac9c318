package io.driftwatch.config;

import java.time.Duration;

/**
 * Latency drift settings ({@code expect.latency.drift}): a rolling window of recent runs whose p95 is
 * compared with the baseline p95. Null members take the defaults (the last 20 runs, 1.5, warning).
 *
 * @param runs the window is the last this many runs (2 or more); null when {@code period} is set or
 *     neither is
 * @param period the window is the runs of this last stretch of time (e.g. 15 minutes); null when
 *     {@code runs} is set or neither is
 * @param ratio a finding when the window's p95 exceeds the baseline p95 times this (greater than 1)
 * @param severity {@code breaking}, {@code warning} or {@code info}
 */
public record LatencyDriftExpectation(Integer runs, Duration period, Double ratio, String severity) {}
