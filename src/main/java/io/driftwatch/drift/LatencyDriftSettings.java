package io.driftwatch.drift;

import java.time.Duration;

/**
 * Latency drift rules for a probe. The window is either a number of runs or a stretch of time, never
 * both.
 *
 * @param runs the window is the last this many runs (2 or more), no finding until that many were seen;
 *     0 when {@code period} is set
 * @param period the window is the runs within this much time before the latest, no finding until the
 *     probe has been observed for at least this long; null when {@code runs} is set
 * @param ratio a finding when the window's p95 exceeds the baseline p95 times this
 * @param severity the finding's severity
 */
public record LatencyDriftSettings(int runs, Duration period, double ratio, Severity severity) {
    public static final LatencyDriftSettings DEFAULT = new LatencyDriftSettings(20, 1.5, Severity.WARNING);

    public LatencyDriftSettings {
        if (period == null && runs < 2) throw new IllegalArgumentException("window must hold at least 2 runs");
        if (period != null && (runs != 0 || !period.isPositive()))
            throw new IllegalArgumentException("a time window needs a positive period and no run count");
        if (!(ratio > 1.0)) throw new IllegalArgumentException("ratio must be greater than 1");
        if (severity == null) throw new IllegalArgumentException("severity is required");
    }

    /** A window of the last {@code runs} runs. */
    public LatencyDriftSettings(int runs, double ratio, Severity severity) {
        this(runs, null, ratio, severity);
    }

    /** A window of the runs within the last {@code period}. */
    public static LatencyDriftSettings over(Duration period, double ratio, Severity severity) {
        return new LatencyDriftSettings(0, period, ratio, severity);
    }

    public boolean timed() {
        return period != null;
    }

    /** How the finding names the window: {@code last 20 runs} or {@code runs of the last 15m}. */
    String describeWindow(int size) {
        return timed() ? size + " runs of the last " + DriftDurations.format(period) : "last " + size + " runs";
    }
}
