package io.driftwatch.alert.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in config: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 1d}, combined as {@code 1h30m}; {@code 0} means none. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        if (text.equals("0")) return Optional.of(Duration.ZERO);
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) return Optional.empty();
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
            end = m.end();
        }
        return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    /** The inverse for messages: {@code 4h}, {@code 1h30m}, {@code 90s}. */
    public static String format(Duration d) {
        if (d.isZero()) return "0";
        var out = new StringBuilder();
        long s = d.toSeconds();
        if (s / 86400 > 0) out.append(s / 86400).append('d');
        if (s % 86400 / 3600 > 0) out.append(s % 86400 / 3600).append('h');
        if (s % 3600 / 60 > 0) out.append(s % 3600 / 60).append('m');
        if (s % 60 > 0) out.append(s % 60).append('s');
        if (d.toMillisPart() > 0) out.append(d.toMillisPart()).append("ms");
        return out.toString();
    }
}
