package io.driftwatch.http;

import io.driftwatch.config.RetrySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/** How long to wait before the next attempt: a server's Retry-After, else exponential full-jitter backoff. */
final class RetryTiming {
    /** Longer Retry-After values are treated as this (they exceed any probe deadline anyway). */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private RetryTiming() {}

    /**
     * Full jitter (uniform in [0, cap)) where cap = min(maxBackoff, initialBackoff * 2^(attemptsMade-1)).
     *
     * @param attemptsMade attempts counted so far (1 after the first)
     */
    static Duration backoff(RetrySpec spec, int attemptsMade, RandomGenerator random) {
        long initial = nanos(spec.initialBackoff());
        long max = nanos(spec.maxBackoff());
        if (initial <= 0 || max <= 0) return Duration.ZERO;
        int shift = Math.min(Math.max(attemptsMade - 1, 0), 62);
        long cap = initial > (max >> shift) ? max : Math.min(max, initial << shift);
        return Duration.ofNanos((long) (random.nextDouble() * cap));
    }

    /**
     * The wait a {@code Retry-After} header asks for (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date
     * relative to {@code now} (a date in the past means no wait). Null when absent or unreadable.
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null) return null;
        String v = value.trim();
        if (v.isEmpty()) return null;
        if (allDigits(v)) {
            if (v.length() > 9) return MAX_RETRY_AFTER;
            Duration d = Duration.ofSeconds(Long.parseLong(v));
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            if (d.isNegative()) return Duration.ZERO;
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static long nanos(Duration d) {
        if (d == null || d.isNegative()) return 0;
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER.toNanos() : d.toNanos();
    }
}
