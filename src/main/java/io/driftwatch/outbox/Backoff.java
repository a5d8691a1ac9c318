package io.driftwatch.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}. Never zero (a dead receiver is not hammered), spread out so many
 * pending rows do not retry in lock step. The random source is injected for tests.
 */
public record Backoff(Duration initial, Duration max, RandomGenerator random) {
    public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX = Duration.ofMinutes(10);

    public static Backoff standard() {
        return new Backoff(DEFAULT_INITIAL, DEFAULT_MAX, RandomGenerator.getDefault());
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration delay(int attempts) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < attempts && ceiling < max.toMillis(); i++) ceiling *= 2;
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
