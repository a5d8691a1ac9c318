package io.driftwatch.alert.config;

import java.time.Duration;

/**
 * {@code settings.delivery}: outbox retry policy.
 *
 * @param deadLetterAfter a notification still undelivered this long after it was queued is dead-lettered
 *     and a "notification delivery failed" alert goes out through the other channels (default 24h)
 * @param initialBackoff first retry wait (default 10s), doubling per attempt with jitter
 * @param maxBackoff the longest wait between attempts (default 10m)
 */
public record DeliverySettings(Duration deadLetterAfter, Duration initialBackoff, Duration maxBackoff) {
    public static final DeliverySettings DEFAULT =
            new DeliverySettings(Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofMinutes(10));
}
