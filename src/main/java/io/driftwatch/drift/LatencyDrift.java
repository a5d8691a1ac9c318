package io.driftwatch.drift;

import io.driftwatch.baseline.LatencyStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-probe rolling windows of total latency, compared with the baseline p95. The window is the last N
 * runs, or the runs of the last stretch of time (e.g. 15 minutes, by the injected clock's instants). A
 * finding needs a full window (N runs seen, or the probe observed for the whole stretch) whose p95
 * exceeds {@code baseline p95 × ratio}, with at least two runs above that threshold: a single spike is
 * never drift, whatever the window. In memory; thread-safe (one lock per probe).
 */
public final class LatencyDrift {
    /** A time window keeps at most this many runs (a probe every second for almost three hours). */
    static final int MAX_TIMED_RUNS = 10_000;

    /**
     * A window whose p95 is over the threshold. Latencies in nanoseconds.
     *
     * @param firstSeen the first run of the current unbroken streak of drifting windows
     * @param streak consecutive runs whose window was drifting, this one included
     */
    public record Drift(
            long windowP95Nanos,
            long baselineP95Nanos,
            double ratio,
            int window,
            int runsAbove,
            String windowText,
            Instant firstSeen,
            int streak) {
        /** The exact finding text (API). */
        public String message() {
            return "latency-drift: p95 of the " + windowText + " is " + LatencyStats.millis(windowP95Nanos) + " ms, "
                    + times(windowP95Nanos, baselineP95Nanos) + "x the baseline p95 of "
                    + LatencyStats.millis(baselineP95Nanos) + " ms (threshold " + ratio + "x)";
        }

        static String times(long a, long b) {
            return BigDecimal.valueOf(a)
                    .divide(BigDecimal.valueOf(b), 2, RoundingMode.HALF_UP)
                    .toPlainString();
        }
    }

    private static final class Window {
        final RunRing runs = new RunRing();
        /** When this window was first fed under its current kind (runs or time); a time window is full from first + period. */
        Instant first;

        boolean timed;
        Instant driftSince;
        int driftRuns;

        /** Adds a run and evicts what fell out of the window; returns whether the window is full. */
        boolean add(Instant at, long nanos, LatencyDriftSettings s) {
            if (first == null || timed != s.timed()) {
                runs.clear();
                first = at;
                timed = s.timed();
            }
            runs.addLast(RunRing.epochNanos(at), nanos);
            if (!s.timed()) {
                while (runs.size() > s.runs()) runs.removeFirst();
                return runs.size() == s.runs();
            }
            Instant from = at.minus(s.period());
            long fromNanos = RunRing.epochNanos(from);
            while (runs.size() > 0 && runs.firstAt() < fromNanos) runs.removeFirst();
            while (runs.size() > MAX_TIMED_RUNS) runs.removeFirst();
            return !first.isAfter(from) && runs.size() >= 2;
        }

        long[] values() {
            return runs.latencies();
        }
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Adds a run's total latency to the probe's window and judges the window.
     *
     * @param at when the run happened (from the injected clock; time windows are measured with it)
     * @param baselineP95Nanos the baseline p95, or 0 or less when there is no baseline (the run is still
     *     recorded so the window is ready when a baseline appears)
     */
    public Optional<Drift> observe(
            String probeId, Instant at, long totalNanos, long baselineP95Nanos, LatencyDriftSettings s) {
        Window window = windows.computeIfAbsent(probeId, id -> new Window());
        synchronized (window) {
            boolean full = window.add(at, totalNanos, s);
            Optional<Drift> drift =
                    full && baselineP95Nanos > 0 ? judge(window.values(), baselineP95Nanos, s) : Optional.empty();
            if (drift.isEmpty()) {
                window.driftSince = null;
                window.driftRuns = 0;
                return drift;
            }
            if (window.driftSince == null) window.driftSince = at;
            window.driftRuns++;
            Drift d = drift.get();
            return Optional.of(new Drift(
                    d.windowP95Nanos(),
                    d.baselineP95Nanos(),
                    d.ratio(),
                    d.window(),
                    d.runsAbove(),
                    d.windowText(),
                    window.driftSince,
                    window.driftRuns));
        }
    }

    private static Optional<Drift> judge(long[] values, long baselineP95Nanos, LatencyDriftSettings s) {
        long threshold = (long) Math.floor(baselineP95Nanos * s.ratio());
        int above = 0;
        for (long v : values) {
            if (v > threshold) above++;
        }
        Arrays.sort(values);
        long p95 = LatencyStats.percentile(values, 95);
        if (p95 <= threshold || above < 2) return Optional.empty();
        return Optional.of(new Drift(
                p95, baselineP95Nanos, s.ratio(), values.length, above, s.describeWindow(values.length), null, 0));
    }

    /** Whether the probe's window currently drifts (its latest judgement found drift). */
    public boolean drifting(String probeId) {
        Window window = windows.get(probeId);
        if (window == null) return false;
        synchronized (window) {
            return window.driftSince != null;
        }
    }

    public void forget(String probeId) {
        windows.remove(probeId);
    }
}
