package io.driftwatch.alert;

/**
 * Where one alert key stands. Receivers are told separately ({@code notified_status}), so maintenance,
 * silences and flapping can hold messages back without losing track of the real state.
 */
public enum AlertStatus {
    /** Passing, or never failed. */
    OK,
    /** Failing, but fewer than {@code failureThreshold} runs in a row. */
    PENDING,
    /** Failing; the alert is open. */
    FIRING,
    /** Open, passing, but fewer than {@code successThreshold} runs in a row. */
    RESOLVING;

    /** Firing or resolving: the incident is still open. */
    public boolean isOpen() {
        return this == FIRING || this == RESOLVING;
    }
}
