package io.driftwatch.alert.config;

import java.time.Instant;

/**
 * A {@code silences:} entry: an ad-hoc mute for matching alerts from {@code start} (null = now) until
 * {@code end}, with a mandatory comment saying why. Suppression works like a maintenance window.
 */
public record Silence(Matcher match, Instant start, Instant end, String comment, String createdBy) {
    public boolean activeAt(Instant now) {
        return (start == null || !now.isBefore(start)) && now.isBefore(end);
    }
}
