package io.driftwatch.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * Spreads the runs of {@code every:} probes over their interval so that 500 probes with the same
 * interval do not all fire in the same millisecond.
 *
 * <p>Each probe gets a phase in {@code [0, interval)} derived from a SHA-256 hash of its id: stable
 * across restarts, JVMs and cluster nodes, and evenly spread even for ids that differ in one
 * character (unlike {@link String#hashCode()}). The phase is counted from the Unix epoch, so the first
 * fire is the first instant at or after "now" whose offset within the interval equals the phase. That
 * is still {@code now + d} with {@code d} in {@code [0, interval)}, and a restart keeps the probe's
 * cadence instead of starting a new one.
 */
public final class StartJitter {

    private StartJitter() {}

    /** The probe's phase within one interval, in whole milliseconds, in {@code [0, interval)}. */
    public static long phaseMillis(String probeId, Duration interval) {
        long intervalMillis = requirePositiveMillis(interval);
        return Math.floorMod(hash64(probeId), intervalMillis);
    }

    /** The first fire time at or after {@code now}: {@code now + d}, {@code 0 <= d < interval}. */
    public static Instant firstFire(String probeId, Duration interval, Instant now) {
        long intervalMillis = requirePositiveMillis(interval);
        long nowMillis = now.toEpochMilli();
        long phase = phaseMillis(probeId, interval);
        long delay = Math.floorMod(phase - Math.floorMod(nowMillis, intervalMillis), intervalMillis);
        return Instant.ofEpochMilli(nowMillis + delay);
    }

    private static long requirePositiveMillis(Duration interval) {
        long millis = interval.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("interval must be at least 1ms, was " + interval);
        }
        return millis;
    }

    private static long hash64(String probeId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(probeId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must support SHA-256", e);
        }
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash << 8) | (digest[i] & 0xFF);
        }
        return hash;
    }
}
