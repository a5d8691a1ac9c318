package io.driftwatch.sandbox;

import java.time.Duration;

/**
 * How the sandbox waits for the {@code added-latency} scenario. Injected so tests can observe (or gate)
 * the wait instead of letting wall-clock time pass.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = Thread::sleep;
}
