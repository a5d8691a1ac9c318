package io.driftwatch.store;

/**
 * A store operation failed (database unreachable, statement rejected). Unchecked so that callers on a
 * probe's path can let it reach the listener boundary, where it is logged. Messages never contain a
 * password: JDBC URLs are shown through {@link Database#redact(String)}.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
