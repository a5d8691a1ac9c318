package io.driftwatch.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link Sleeper} for tests: records every requested delay and, while closed, holds callers until
 * {@link #open()}, so a test controls how many requests are in flight without real waiting.
 */
public final class GateSleeper implements Sleeper {
    private final List<Duration> requested = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public GateSleeper close() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void open() {
        gate.countDown();
    }

    public List<Duration> requested() {
        return requested;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        requested.add(duration);
        gate.await();
    }
}
