package io.driftwatch.http;

import java.time.Duration;

/**
 * Waits between retry attempts. Injected so tests record the requested delays instead of sleeping; the
 * real one parks the (virtual) thread.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for {@code delay}; returns early only by throwing when interrupted. */
    void sleep(Duration delay) throws InterruptedException;

    Sleeper REAL = Thread::sleep;
}
