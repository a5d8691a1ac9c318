package io.driftwatch.probe.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Formats durations the way probe files write them (200ms, 5s, 1m) and nanos as decimal millis. */
public final class Durations {
    private Durations() {}

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0 && ms > 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** Nanoseconds as milliseconds with one decimal, e.g. {@code 213.4}. */
    public static String millis(long nanos) {
        return BigDecimal.valueOf(nanos)
                .movePointLeft(6)
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
