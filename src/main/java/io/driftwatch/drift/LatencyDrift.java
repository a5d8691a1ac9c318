package io.driftwatch.drift;

import io.driftwatch.baseline.LatencyStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-probe rolling windows of total latency, compared with the baseline p95. A finding needs a full
 * window whose p95 exceeds {@code baseline p95 × ratio} and at least two runs above that threshold, so
 * a single spike is never drift, whatever the window size. In memory; thread-safe (one lock per probe).
 */
public final class LatencyDrift {
    /** A window whose p95 is over the threshold. Latencies in nanoseconds. */
    public record Drift(long windowP95Nanos, long baselineP95Nanos, double ratio, int window, int runsAbove) {
        /** The exact finding text (API). */
        public String message() {
            return "latency-drift: p95 of the last " + window + " runs is " + LatencyStats.millis(windowP95Nanos)
                    + " ms, " + times(windowP95Nanos, baselineP95Nanos) + "x the baseline p95 of "
                    + LatencyStats.millis(baselineP95Nanos) + " ms (threshold " + ratio + "x)";
        }

        static String times(long a, long b) {
            return BigDecimal.valueOf(a)
                    .divide(BigDecimal.valueOf(b), 2, RoundingMode.HALF_UP)
                    .toPlainString();
        }
    }

    private static final class Window {
        private long[] values;
        private int next;
        private int size;

        Window(int capacity) {
            values = new long[capacity];
        }

        void add(long value, int capacity) {
            if (values.length != capacity) resize(capacity);
            values[next] = value;
            next = (next + 1) % values.length;
            size = Math.min(size + 1, values.length);
        }

        private void resize(int capacity) {
            long[] ordered = snapshot();
            int keep = Math.min(ordered.length, capacity);
            values = new long[capacity];
            System.arraycopy(ordered, ordered.length - keep, values, 0, keep);
            size = keep;
            next = keep % capacity;
        }

        /** Oldest first. */
        long[] snapshot() {
            long[] out = new long[size];
            int start = size < values.length ? 0 : next;
            for (int i = 0; i < size; i++) out[i] = values[(start + i) % values.length];
            return out;
        }
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Adds a run's total latency to the probe's window and judges the window.
     *
     * @param baselineP95Nanos the baseline p95, or 0 or less when there is no baseline (the run is still
     *     recorded so the window is ready when a baseline appears)
     */
    public Optional<Drift> observe(String probeId, long totalNanos, long baselineP95Nanos, LatencyDriftSettings s) {
        Window window = windows.computeIfAbsent(probeId, id -> new Window(s.window()));
        long[] values;
        synchronized (window) {
            window.add(totalNanos, s.window());
            if (window.size < s.window() || baselineP95Nanos <= 0) return Optional.empty();
            values = window.snapshot();
        }
        long threshold = (long) Math.floor(baselineP95Nanos * s.ratio());
        int above = 0;
        for (long v : values) {
            if (v > threshold) above++;
        }
        Arrays.sort(values);
        long p95 = LatencyStats.percentile(values, 95);
        if (p95 <= threshold || above < 2) return Optional.empty();
        return Optional.of(new Drift(p95, baselineP95Nanos, s.ratio(), values.length, above));
    }

    public void forget(String probeId) {
        windows.remove(probeId);
    }
}
