package io.driftwatch.outbox;

/**
 * Told about delivery results that matter beyond the outbox: the alert engine raises "notification
 * delivery failed" on a dead letter and resolves it when the channel delivers again. Implementations
 * must not throw; they run on the dispatcher thread.
 */
public interface DeliveryListener {
    DeliveryListener NONE = new DeliveryListener() {};

    /** A notification was accepted by its channel. */
    default void onDelivered(Notification notification) {}

    /** A notification was given up after the dead-letter time; {@code lastError} says why. */
    default void onDeadLetter(Notification notification, String lastError) {}
}
