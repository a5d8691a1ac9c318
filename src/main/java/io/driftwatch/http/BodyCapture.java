package io.driftwatch.http;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** The redacted start of a failed response's body, for the audit trail. */
final class BodyCapture {
    static final int MAX_CHARS = 4096;

    private BodyCapture() {}

    /**
     * The first {@link #MAX_CHARS} characters of {@code body} after redaction. Redaction happens before
     * the cut, and enough text is decoded that no secret can be cut in half and shown partly.
     */
    static String capture(byte[] body, Redactor redactor, Collection<String> alsoMask) {
        if (body.length == 0) return null;
        int longest = redactor.longestSecret();
        for (String s : alsoMask) longest = Math.max(longest, s.length());
        long prefix = 4L * (MAX_CHARS + longest) + 4;
        while (true) {
            int n = (int) Math.min(body.length, prefix);
            String text = redactor.redact(new String(body, 0, n, StandardCharsets.UTF_8), alsoMask);
            boolean whole = n == body.length;
            if (whole && text.length() <= MAX_CHARS) return text;
            if (whole || text.length() > MAX_CHARS + longest) return cut(text);
            prefix *= 2;
        }
    }

    private static String cut(String text) {
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end);
    }
}
