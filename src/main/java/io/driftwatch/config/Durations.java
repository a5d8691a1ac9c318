package io.driftwatch.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as probe files write them: {@code 200ms}, {@code 5s}, {@code 1m}, {@code 2h}, {@code 1d}, or ISO-8601. */
final class Durations {

    /** The accepted forms, for messages. Text is API. */
    static final String FORMS = "a duration like 200ms, 5s, 1m, 2h, 1d or ISO-8601 PT5S";

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)");

    private Durations() {}

    /** The duration, or null when {@code text} is in none of the accepted forms. */
    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
