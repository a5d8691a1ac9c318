package io.driftwatch.outbox;

import io.driftwatch.channel.AlertMessage;
import java.time.Instant;

/**
 * One outbox row: a message for one channel. {@code dedupKey} is unique per channel and identical on
 * every attempt, so a receiver can drop the repeat that at-least-once delivery may cause.
 *
 * @param pendingSince when the row became pending (created, or moved back by {@code alerts retry});
 *     dead-lettering counts from here
 * @param nextAttemptAt earliest next attempt; also the claim lease while an attempt is in flight
 */
public record Notification(
        long id,
        String channel,
        String dedupKey,
        String alertKey,
        AlertMessage message,
        Status status,
        int attempts,
        Instant createdAt,
        Instant pendingSince,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        String lastError,
        Instant deliveredAt,
        Instant deadAt) {

    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }
}
