package io.driftwatch.alert;

/** The alert store could not be read or written; the run's alert evaluation is lost and retried by the next run. */
public final class AlertStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlertStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
