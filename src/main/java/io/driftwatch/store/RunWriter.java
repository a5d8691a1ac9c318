package io.driftwatch.store;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.ProbeResultListener;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves probe runs in batches from one background thread, so a probe run costs its caller
 * only the conversion to the stored form (findings to JSON) and a queue insert.
 *
 * <p>Contracts:
 *
 * <ul>
 *   <li>{@link #submit} never blocks. When {@link Settings#capacity()} runs are already waiting (the
 *       store is down or far behind), the run is dropped and counted in {@link #dropped()}: probing and
 *       alerting go on without history rather than stall. One warning per overflow, not per run.
 *   <li>A batch is written once {@link Settings#maxBatch()} runs are waiting, or {@link Settings#linger()}
 *       after its first run, whichever comes first: few large transactions cost the store far less than
 *       many small ones (each H2 commit writes a file chunk).
 *   <li>A batch that fails with a transient error (connection lost, pool timeout, lock timeout,
 *       deadlock) is retried with backoff (1 s doubling to 30 s) until it succeeds. A batch that fails
 *       otherwise is retried one run at a time; a run the store rejects is dropped and logged.
 *   <li>Every run goes to history; {@code probe_latest} is rewritten only when a run says something new
 *       or the row is a minute old ({@link LatestRows}), and completely by {@link #flush()} and {@link
 *       #close()}.
 *   <li>{@link #flush()} returns once every run submitted before it is written (or dropped as above).
 *   <li>{@link #close()} stops accepting runs and writes every queued one before returning; only if the
 *       store stays unreachable past {@link Settings#closeTimeout()} does it give up, logging how many
 *       runs were not stored. Close the writer before the {@link Database}.
 * </ul>
 */
public final class RunWriter implements ProbeResultListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /**
     * How the writer batches and when it gives up.
     *
     * @param maxBatch most runs written per transaction
     * @param capacity most runs waiting to be written before new ones are dropped
     * @param linger longest a run waits for others to share its transaction
     * @param closeTimeout how long {@link #close()} waits for an unreachable store
     */
    public record Settings(int maxBatch, int capacity, Duration linger, Duration closeTimeout) {
        public static final Settings DEFAULT =
                new Settings(500, 20_000, Duration.ofMillis(250), Duration.ofSeconds(30));

        public Settings {
            if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
            if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
            if (linger.isNegative()) throw new IllegalArgumentException("linger must not be negative, got " + linger);
        }
    }

    /** Waits between retries; tests pass a recording one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private sealed interface Item permits Run, Flush, Stop {}

    private record Run(PendingRun pending) implements Item {}

    private record Flush(CompletableFuture<Void> done) implements Item {}

    private record Stop() implements Item {}

    private final RunSink sink;
    private final LatestRows latest;
    private final Settings settings;
    private final Sleeper sleeper;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedRuns = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean overflowing = new AtomicBoolean();
    // Read side: submit/flush enqueue; write side: close. No item is enqueued behind the Stop item.
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Thread thread;
    private boolean closed; // guarded by lifecycle

    public RunWriter(RunStore store) {
        this(store, Settings.DEFAULT);
    }

    public RunWriter(RunStore store, Settings settings) {
        this(store::write, settings, duration -> Thread.sleep(duration));
    }

    RunWriter(RunSink sink, Settings settings, Sleeper sleeper) {
        this(sink, settings, sleeper, Clock.systemUTC());
    }

    RunWriter(RunSink sink, Settings settings, Sleeper sleeper, Clock clock) {
        this.sink = sink;
        this.latest = new LatestRows(clock);
        this.settings = settings;
        this.sleeper = sleeper;
        // A platform thread: a batch is milliseconds of CPU, which on a virtual thread would hold one of
        // the few carriers that every probe run (and its latency timing) needs.
        this.thread = Thread.ofPlatform().daemon().name("driftwatch-run-writer").start(this::loop);
    }

    /** Stores every completed run; register the writer as a probe result listener. */
    @Override
    public void onResult(ProbeDefinition probe, ProbeResult result) {
        submit(result);
    }

    /** Queues a run for writing. Returns false when it was dropped (queue full, or writer closed). */
    public boolean submit(ProbeResult result) {
        PendingRun pending = PendingRun.of(StoredRun.from(result));
        lifecycle.readLock().lock();
        try {
            if (closed) {
                dropped.incrementAndGet();
                log.warn("run of probe {} not stored: the run writer is closed", result.probeId());
                return false;
            }
            int queued = queuedRuns.incrementAndGet();
            if (queued > settings.capacity()) {
                queuedRuns.decrementAndGet();
                dropped.incrementAndGet();
                if (overflowing.compareAndSet(false, true)) {
                    log.warn(
                            "store is behind: {} probe runs wait to be written; new runs are dropped until it"
                                    + " catches up",
                            settings.capacity());
                }
                return false;
            }
            queue.add(new Run(pending));
            if (queued % settings.maxBatch() == 0) LockSupport.unpark(thread);
            return true;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Blocks until every run submitted before this call is written or dropped. */
    public void flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean queued;
        lifecycle.readLock().lock();
        try {
            queued = !closed;
            if (queued) {
                queue.add(new Flush(done));
                LockSupport.unpark(thread);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
        if (queued) {
            done.join();
        } else {
            joinUninterruptibly(thread); // closed: the writer drains its queue before it ends
        }
    }

    /** Stops accepting runs and writes every queued one (see the class contract for the time limit). */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            queue.add(new Stop());
            LockSupport.unpark(thread);
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            if (!thread.join(settings.closeTimeout())) {
                thread.interrupt();
                thread.join();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs written so far. */
    public long written() {
        return written.get();
    }

    /** Runs dropped so far (queue full, writer closed, or rejected by the store). */
    public long dropped() {
        return dropped.get();
    }

    /** Runs waiting to be written. */
    public int queued() {
        return queuedRuns.get();
    }

    private void loop() {
        List<PendingRun> batch = new ArrayList<>(settings.maxBatch());
        Item item = null;
        try {
            while (true) {
                item = queue.take();
                long deadline = System.nanoTime() + settings.linger().toNanos();
                while (item != null) {
                    switch (item) {
                        case Run run -> {
                            batch.add(run.pending());
                            if (batch.size() >= settings.maxBatch()) write(batch);
                        }
                        case Flush flush -> {
                            write(batch);
                            writeHeldLatest();
                            flush.done().complete(null);
                        }
                        case Stop stop -> {
                            write(batch);
                            writeHeldLatest();
                            return;
                        }
                    }
                    item = next(batch, deadline);
                }
                write(batch); // linger over (or nothing pending)
            }
        } catch (InterruptedException e) {
            int lost = queuedRuns.getAndSet(0);
            dropped.addAndGet(lost);
            if (lost > 0) {
                log.error("{} probe runs not stored: the store stayed unreachable until the writer was stopped", lost);
            }
            if (item instanceof Flush flush) flush.done().complete(null);
            for (Item queued : queue) {
                if (queued instanceof Flush flush) flush.done().complete(null);
            }
        }
    }

    /**
     * The next queued item, or null once the batch is empty or its linger is over. While the batch
     * lingers the writer sleeps instead of waiting on the queue: a queue wait would be woken by every run
     * submitted (a thread wake-up per run, 1,000 a second at full load); {@link #submit} wakes it only
     * when a batch is full, {@link #flush} and {@link #close} always.
     */
    private Item next(List<PendingRun> batch, long deadline) throws InterruptedException {
        Item item = queue.poll();
        while (item == null && !batch.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return null;
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) throw new InterruptedException();
            item = queue.poll();
        }
        return item;
    }

    /** Writes and clears the batch; see the class contract for retries. */
    private void write(List<PendingRun> batch) throws InterruptedException {
        if (batch.isEmpty()) return;
        Duration backoff = FIRST_BACKOFF;
        Exception rejection;
        while (true) {
            try {
                List<PendingRun> marked = latest.mark(batch);
                sink.write(marked);
                latest.committed(batch, marked);
                written.addAndGet(batch.size());
                queuedRuns.addAndGet(-batch.size());
                batch.clear();
                if (overflowing.compareAndSet(true, false)) {
                    log.info("store caught up; {} probe runs dropped since start", dropped.get());
                }
                return;
            } catch (SQLException e) {
                if (!SqlErrors.isTransient(e)) {
                    rejection = e;
                    break;
                }
                log.warn("store unavailable, retrying {} probe runs in {}: {}", batch.size(), backoff, e.getMessage());
                sleeper.sleep(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
            } catch (RuntimeException e) {
                rejection = e;
                break;
            }
        }
        if (batch.size() == 1) {
            StoredRun run = batch.get(0).run();
            log.error(
                    "run of probe {} started at {} not stored: the store rejected it: {}",
                    run.probeId(),
                    run.startedAt(),
                    rejection.getMessage());
            dropped.incrementAndGet();
            queuedRuns.decrementAndGet();
        } else {
            for (PendingRun run : batch) write(new ArrayList<>(List.of(run)));
        }
        batch.clear();
    }

    /**
     * Writes the {@code probe_latest} rows {@link LatestRows} held back. One attempt: on failure they stay
     * held for the next flush or close (history already has the runs).
     */
    private void writeHeldLatest() {
        List<PendingRun> rows = latest.takeHeld();
        if (rows.isEmpty()) return;
        try {
            sink.write(rows);
            latest.heldWritten(rows);
        } catch (SQLException | RuntimeException e) {
            latest.heldFailed(rows);
            log.warn("latest results of {} probes not stored yet: {}", rows.size(), e.getMessage());
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
