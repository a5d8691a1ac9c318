package io.driftwatch.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes like {@code 512KB}, {@code 5MB}, {@code 1GB} (binary: 1KB = 1024 bytes) or a plain number of bytes. */
final class ByteSizes {

    /** The accepted forms, for messages. Text is API. */
    static final String FORMS = "a size like 512KB, 5MB or a number of bytes";

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})\\s*(B|KB|MB|GB)?");

    private ByteSizes() {}

    /** The size in bytes, or null when {@code text} is not a size. */
    static Long parse(String text) {
        Matcher m = SIZE.matcher(text.toUpperCase(Locale.ROOT));
        if (!m.matches()) return null;
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long factor = switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(n, factor);
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
