package io.driftwatch.baseline;

/**
 * The string formats the inferrer recognises. Matchers are hand-written character scans rather than
 * regular expressions because the drift check runs them on every string of every response (a 1 MB
 * QuickBooks page holds tens of thousands). The formats are mutually exclusive: a string matches at
 * most one.
 */
public enum StringFormat {
    /** RFC 3339 date-time with a mandatory offset: {@code 2024-01-02T10:00:00.000-08:00}, {@code ...Z}. */
    DATE_TIME("date-time"),
    /** RFC 3339 full-date: {@code 2024-01-02}. */
    DATE("date"),
    EMAIL("email"),
    UUID("uuid"),
    /**
     * A decimal number written as a string, such as {@code "12.50"}. Not a standard JSON Schema format;
     * validators ignore unknown formats, the drift diff uses it.
     */
    DECIMAL("decimal");

    /** Mask with every format's bit set. */
    public static final int ALL = (1 << values().length) - 1;

    private static final StringFormat[] VALUES = values();

    private final String schemaName;

    StringFormat(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** The format with this JSON Schema name, or null when driftwatch does not check it. */
    public static StringFormat fromSchemaName(String name) {
        for (StringFormat f : VALUES) {
            if (f.schemaName.equals(name)) return f;
        }
        return null;
    }

    /** The single format in a mask, or null when the mask holds none (or, defensively, several). */
    public static StringFormat single(int mask) {
        if (mask == 0 || Integer.bitCount(mask) != 1) return null;
        return VALUES[Integer.numberOfTrailingZeros(mask)];
    }

    /** Bit mask of the formats {@code s} matches (0 or one bit). */
    public static int maskOf(String s) {
        int n = s.length();
        if (n == 0 || n > 254) return 0;
        char c = s.charAt(0);
        if (n == 36 && isUuid(s)) return UUID.bit();
        if (n == 10 && isDate(s, 0)) return DATE.bit();
        if (n >= 20 && isDigit(c) && isDateTime(s)) return DATE_TIME.bit();
        if ((isDigit(c) || c == '-') && isDecimal(s)) return DECIMAL.bit();
        if (s.indexOf('@') > 0 && isEmail(s)) return EMAIL.bit();
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) return false;
        }
        return true;
    }

    private static int twoDigits(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    private static boolean isDate(String s, int at) {
        if (s.length() < at + 10) return false;
        if (!digits(s, at, at + 4) || s.charAt(at + 4) != '-' || !digits(s, at + 5, at + 7)) return false;
        if (s.charAt(at + 7) != '-' || !digits(s, at + 8, at + 10)) return false;
        int month = twoDigits(s, at + 5);
        int day = twoDigits(s, at + 8);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean isTime(String s, int at) {
        if (s.length() < at + 8 || !digits(s, at, at + 2) || s.charAt(at + 2) != ':') return false;
        if (!digits(s, at + 3, at + 5) || s.charAt(at + 5) != ':' || !digits(s, at + 6, at + 8)) return false;
        return twoDigits(s, at) <= 23 && twoDigits(s, at + 3) <= 59 && twoDigits(s, at + 6) <= 60;
    }

    private static boolean isDateTime(String s) {
        if (!isDate(s, 0)) return false;
        char t = s.charAt(10);
        if ((t != 'T' && t != 't') || !isTime(s, 11)) return false;
        int i = 19;
        if (i < s.length() && s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && isDigit(s.charAt(i))) i++;
            if (i == start) return false;
        }
        if (i == s.length() - 1) return s.charAt(i) == 'Z' || s.charAt(i) == 'z';
        if (i != s.length() - 6) return false;
        char sign = s.charAt(i);
        return (sign == '+' || sign == '-')
                && digits(s, i + 1, i + 3)
                && s.charAt(i + 3) == ':'
                && digits(s, i + 4, i + 6);
    }

    private static boolean isDecimal(String s) {
        int i = s.charAt(0) == '-' ? 1 : 0;
        int start = i;
        while (i < s.length() && isDigit(s.charAt(i))) i++;
        if (i == start || i == s.length() || s.charAt(i) != '.') return false;
        int fraction = ++i;
        while (i < s.length() && isDigit(s.charAt(i))) i++;
        return i == s.length() && i > fraction;
    }

    private static boolean isUuid(String s) {
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) return false;
        }
        return true;
    }

    private static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) return false;
        int dot = s.indexOf('.', at + 2);
        if (dot < 0 || dot == s.length() - 1) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '"' || c == ',' || c == '<' || c == '>' || c == '(' || c == ')') return false;
        }
        return true;
    }
}
