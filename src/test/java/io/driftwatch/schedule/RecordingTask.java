package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A probe task that records every run and the highest concurrency seen, overall and per probe. While
 * the gate is closed, runs block until {@link #open()}.
 */
final class RecordingTask implements ProbeTask {

    record Run(String probeId, String description, Instant scheduledAt, Instant startedAt) {}

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final Map<String, AtomicInteger> runningByProbe = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxByProbe = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile RuntimeException failure;

    /** Later runs block until {@link #open()}. */
    RecordingTask close() {
        gate = new CountDownLatch(1);
        return this;
    }

    void open() {
        gate.countDown();
    }

    /** Later runs throw this. */
    void failWith(RuntimeException e) {
        failure = e;
    }

    @Override
    public void run(ProbeDefinition probe, Instant scheduledAt) throws InterruptedException {
        runs.add(new Run(probe.id(), probe.description(), scheduledAt, Instant.now()));
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        AtomicInteger forProbe = runningByProbe.computeIfAbsent(probe.id(), id -> new AtomicInteger());
        maxByProbe
                .computeIfAbsent(probe.id(), id -> new AtomicInteger())
                .accumulateAndGet(forProbe.incrementAndGet(), Math::max);
        try {
            gate.await();
            RuntimeException e = failure;
            if (e != null) {
                throw e;
            }
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            throw e;
        } finally {
            forProbe.decrementAndGet();
            running.decrementAndGet();
            finished.incrementAndGet();
        }
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    List<Run> runs(String probeId) {
        return runs.stream().filter(r -> r.probeId().equals(probeId)).toList();
    }

    int running() {
        return running.get();
    }

    int maxRunning() {
        return maxRunning.get();
    }

    int maxRunning(String probeId) {
        AtomicInteger max = maxByProbe.get(probeId);
        return max == null ? 0 : max.get();
    }

    int finished() {
        return finished.get();
    }

    int interrupted() {
        return interrupted.get();
    }
}
