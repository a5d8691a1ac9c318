package io.driftwatch.http;

import java.util.Objects;

/**
 * The redactor in force. Configuration reloads {@link #replace} it; every call reads {@link #get} once
 * and uses that instance throughout, so one call is redacted consistently.
 */
public final class RedactorHolder {
    private volatile Redactor current;

    public RedactorHolder(Redactor initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    public static RedactorHolder of(Redactor redactor) {
        return new RedactorHolder(redactor);
    }

    public Redactor get() {
        return current;
    }

    public void replace(Redactor next) {
        this.current = Objects.requireNonNull(next, "next");
    }
}
