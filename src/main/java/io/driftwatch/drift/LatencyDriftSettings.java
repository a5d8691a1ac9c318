package io.driftwatch.drift;

/**
 * Latency drift rules for a probe.
 *
 * @param window how many recent runs the rolling window holds; no finding until it is full
 * @param ratio a finding when the window's p95 exceeds the baseline p95 times this
 * @param severity the finding's severity
 */
public record LatencyDriftSettings(int window, double ratio, Severity severity) {
    public static final LatencyDriftSettings DEFAULT = new LatencyDriftSettings(20, 1.5, Severity.WARNING);

    public LatencyDriftSettings {
        if (window < 2) throw new IllegalArgumentException("window must hold at least 2 runs");
        if (!(ratio > 1.0)) throw new IllegalArgumentException("ratio must be greater than 1");
    }
}
