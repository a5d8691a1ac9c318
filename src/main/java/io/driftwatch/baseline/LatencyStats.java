package io.driftwatch.baseline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Total-latency percentiles of the samples a baseline was recorded from, in milliseconds with three
 * decimals (microsecond resolution: loopback and sandbox calls take well under a millisecond).
 * Percentiles use the nearest-rank method, so with 5 samples p95 and p99 are the slowest sample.
 */
public record LatencyStats(BigDecimal p50, BigDecimal p95, BigDecimal p99) {

    public static LatencyStats ofNanos(long[] totalNanos) {
        if (totalNanos.length == 0) throw new IllegalArgumentException("no latencies");
        long[] sorted = totalNanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(
                millis(percentile(sorted, 50)), millis(percentile(sorted, 95)), millis(percentile(sorted, 99)));
    }

    /** Nearest-rank percentile of an ascending array: the value at rank ceil(p/100 * n). */
    public static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public static BigDecimal millis(long nanos) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP);
    }

    public long p95Nanos() {
        return p95.movePointRight(6).longValue();
    }
}
