package io.driftwatch.drift;

import java.time.Duration;

/** Durations as probe files write them, for finding texts: {@code 15m}, {@code 90s}, {@code 2h}, {@code 500ms}. */
final class DriftDurations {
    private DriftDurations() {}

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) return ms / 86_400_000 + "d";
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
