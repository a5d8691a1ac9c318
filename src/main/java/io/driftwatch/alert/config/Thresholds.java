package io.driftwatch.alert.config;

import java.time.Duration;

/**
 * When an alert key fires, resolves, reminds and counts as flapping.
 *
 * @param failureThreshold consecutive failing (or degraded) runs before the alert fires
 * @param successThreshold consecutive passing runs before a firing alert resolves
 * @param repeat reminder interval while firing; zero disables reminders
 * @param sendResolved whether receivers get a message when the alert resolves
 * @param flapWindow with {@code flapLimit}: more than {@code flapLimit} fire/resolve transitions within
 *     {@code flapWindow} mark the key as flapping; one notice is sent, then notifications pause until a
 *     whole window passes without a transition, and then the current state is sent once
 */
public record Thresholds(
        int failureThreshold,
        int successThreshold,
        Duration repeat,
        boolean sendResolved,
        Duration flapWindow,
        int flapLimit) {
    public static final Thresholds DEFAULT = new Thresholds(2, 2, Duration.ofHours(4), true, Duration.ofHours(1), 4);

    /** Config and delivery alerts fire on the first failure and resolve on the first success. */
    public static final Thresholds IMMEDIATE = new Thresholds(1, 1, Duration.ZERO, true, Duration.ofHours(1), 4);

    /** A short stable fingerprint, stored with each alert state (the rule checksum). */
    public String checksum() {
        return Integer.toHexString(toString().hashCode());
    }
}
