package io.driftwatch.baseline;

import java.time.Duration;

/** Waits between recording samples; tests pass one that records the requested pauses and returns. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
