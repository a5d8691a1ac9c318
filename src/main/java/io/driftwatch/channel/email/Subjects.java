package io.driftwatch.channel.email;

/**
 * Makes text safe for a single header line. Probe ids, finding messages and titles may contain CR/LF
 * (a probe file can put anything in a description); left in a subject they would start new headers.
 * Control characters become spaces, runs of white space collapse and the result is capped. Non-ASCII
 * text is then RFC 2047-encoded by {@code MimeMessage.setSubject(text, "UTF-8")}.
 */
public final class Subjects {
    static final int MAX_LENGTH = 200;

    private Subjects() {}

    public static String safe(String text) {
        if (text == null) return "";
        String line = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 3) + "..." : line;
    }
}
