package io.driftwatch.baseline;

import java.util.Locale;

/**
 * Decides whether a value seen in a response may be a credential, so examples in findings, baseline
 * headers and diff output never carry one. Errs towards redacting: a redacted example costs a person
 * one look at the response; a leaked token costs a rotation.
 */
public final class SecretHeuristics {
    public static final String REDACTED = "****";

    private static final String[] SECRET_KEY_PARTS = {
        "token",
        "secret",
        "password",
        "passwd",
        "apikey",
        "api_key",
        "api-key",
        "authorization",
        "auth-",
        "auth_",
        "credential",
        "signature",
        "session",
        "cookie",
        "private",
        "bearer"
    };

    private SecretHeuristics() {}

    /** True when a key or header named like this usually holds a credential. */
    public static boolean isSecretKey(String name) {
        if (name == null) return false;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("auth") || lower.equals("key") || lower.equals("pwd")) return true;
        for (String part : SECRET_KEY_PARTS) {
            if (lower.contains(part)) return true;
        }
        return false;
    }

    /**
     * True when a string looks like a random token: at least 24 characters from the base64/hex/JWT
     * alphabet, no spaces, mixing letters and digits. Dates, decimals and UUIDs have their own format
     * and are not tokens.
     */
    public static boolean looksLikeToken(String value) {
        if (value == null || value.length() < 24 || StringFormat.maskOf(value) != 0) return false;
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
            else if ("-_.~+/=".indexOf(c) < 0) return false;
        }
        return letter && digit;
    }

    public static boolean looksSecret(String key, String value) {
        return isSecretKey(key) || looksLikeToken(value);
    }

    /** The value, or {@link #REDACTED} when it looks secret. */
    public static String redact(String key, String value) {
        return looksSecret(key, value) ? REDACTED : value;
    }
}
