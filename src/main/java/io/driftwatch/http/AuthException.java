package io.driftwatch.http;

/**
 * Credentials could not be obtained (token endpoint refused, key file unreadable). The message must be
 * safe to show: it never contains a secret.
 *
 * @see #permanent() true when retrying cannot help (QuickBooks {@code invalid_grant}: reconnect the app)
 */
public class AuthException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public AuthException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public AuthException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
