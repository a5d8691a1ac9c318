package io.driftwatch.store;

import java.time.Duration;

/**
 * How much run history to keep. Applied by {@link RetentionJob}.
 *
 * @param maxAge runs that started longer ago than this are deleted (default 14 days)
 * @param maxRunsPerProbe at most this many newest runs are kept per probe (default 1000); 0 = no cap
 */
public record Retention(Duration maxAge, int maxRunsPerProbe) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(14);
    public static final int DEFAULT_MAX_RUNS_PER_PROBE = 1000;

    public Retention {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("retention maxAge must be positive, got " + maxAge);
        }
        if (maxRunsPerProbe < 0) {
            throw new IllegalArgumentException(
                    "retention maxRunsPerProbe must be 0 (no cap) or more, got " + maxRunsPerProbe);
        }
    }

    /** 14 days, and at most 1000 runs per probe. */
    public static Retention defaults() {
        return new Retention(DEFAULT_MAX_AGE, DEFAULT_MAX_RUNS_PER_PROBE);
    }

    /** Only an age limit, no per-probe cap. */
    public static Retention maxAge(Duration maxAge) {
        return new Retention(maxAge, 0);
    }

    public boolean capsRunsPerProbe() {
        return maxRunsPerProbe > 0;
    }
}
