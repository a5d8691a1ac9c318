package io.driftwatch.schedule;

/** The Quartz scheduler or its job store failed (for example the scheduler database is down). */
public final class ScheduleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
