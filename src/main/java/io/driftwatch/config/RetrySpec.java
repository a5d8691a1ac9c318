package io.driftwatch.config;

import java.time.Duration;

/**
 * Retries on connection errors, 429 and 5xx, with exponential backoff and full jitter, always bounded by
 * the probe's deadline ({@link RequestSpec#timeout()} covers all attempts together).
 *
 * @param maxAttempts total attempts including the first; 1 disables retries
 */
public record RetrySpec(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public static final RetrySpec DEFAULT = new RetrySpec(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    public static final RetrySpec NONE = new RetrySpec(1, Duration.ZERO, Duration.ZERO);
}
