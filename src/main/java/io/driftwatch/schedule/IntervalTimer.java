package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires {@code every:} probes in place of Quartz when the job store is the embedded RAM store (see
 * {@link ProbeScheduler} for the routing and the measured reason): one platform daemon thread, {@value
 * #THREAD_NAME}, waits for the earliest fire time in a {@link FireQueue} and hands each fire straight to
 * {@link RunDispatcher#dispatch}, which only starts a virtual thread and never blocks.
 *
 * <p>Fire times are those Quartz used: {@link StartJitter#firstFire}, then every interval after it, i.e.
 * the probe's phase + k × interval since the epoch, read on the injected clock. A fire is dispatched
 * with that instant as its scheduled time, at or after it, never early. The thread waits on {@link
 * System#nanoTime} ({@link Condition#awaitNanos}) but re-reads the clock at least every {@code maxWait},
 * so a step of the wall clock (suspend and resume, NTP) is noticed within that time.
 *
 * <p>Late fires never burst. When the thread reaches a probe after more than one of its fire times has
 * passed (GC pause, suspend, {@link #standby}, overload), the probe runs once, for the latest of them,
 * and the earlier ones count as skipped ({@link SkipReason#BEHIND}). If even the latest is more than
 * {@code misfireThreshold} late, it is skipped too and the probe waits for its next fire time, as
 * Quartz's misfire instruction does, so that after a long sleep the probes stay spread over their
 * interval instead of all starting at once. A fire a few milliseconds late is simply late.
 *
 * <p>All state is guarded by one lock, and fires are dispatched while holding it: once {@link #remove}
 * returns, the probe never fires again, with no generation check needed.
 */
final class IntervalTimer {

    static final String THREAD_NAME = "driftwatch-timer";
    /** Longest wait between two readings of the wall clock. */
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(IntervalTimer.class);

    private final RunDispatcher dispatcher;
    private final Clock clock;
    private final long misfireThresholdMillis;
    private final long maxWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the head of the queue or the run state may have changed. */
    private final Condition changed = lock.newCondition();
    // All guarded by lock:
    private final Map<String, FireQueue.Entry> entries = new HashMap<>();
    private final FireQueue queue = new FireQueue();
    private Thread thread;
    private boolean paused = true;
    private boolean stopped;

    /**
     * @param misfireThreshold a fire later than this is skipped rather than run late
     * @param maxWait longest wait before the clock is read again (tests use a few milliseconds, to see a
     *     clock they move by hand)
     */
    IntervalTimer(RunDispatcher dispatcher, Clock clock, Duration misfireThreshold, Duration maxWait) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.misfireThresholdMillis = misfireThreshold.toMillis();
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * Adds the probe, or replaces its definition. An unchanged interval keeps the next fire time (and so
     * the phase); a new or changed one starts at {@link StartJitter#firstFire} from now.
     */
    void schedule(ProbeDefinition probe, Duration interval) {
        long intervalMillis = interval.toMillis();
        lock.lock();
        try {
            if (stopped) {
                throw new IllegalStateException("the interval timer has been shut down");
            }
            FireQueue.Entry entry = entries.get(probe.id());
            if (entry != null && entry.intervalMillis == intervalMillis) {
                entry.probe = probe;
                return;
            }
            long first =
                    StartJitter.firstFire(probe.id(), interval, clock.instant()).toEpochMilli();
            if (entry == null) {
                entry = new FireQueue.Entry(probe.id());
                entries.put(probe.id(), entry);
            } else {
                queue.remove(entry);
            }
            entry.probe = probe;
            entry.intervalMillis = intervalMillis;
            entry.nextFire = first;
            queue.add(entry);
            if (queue.peek() == entry) {
                changed.signal(); // the thread may be waiting for a later fire
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the probe; it never fires again once this returns (a run in flight goes on).
     *
     * @return true if the probe was on the timer
     */
    boolean remove(String probeId) {
        lock.lock();
        try {
            FireQueue.Entry entry = entries.remove(probeId);
            if (entry == null) {
                return false;
            }
            queue.remove(entry);
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean contains(String probeId) {
        lock.lock();
        try {
            return entries.containsKey(probeId);
        } finally {
            lock.unlock();
        }
    }

    Set<String> ids() {
        lock.lock();
        try {
            return Set.copyOf(entries.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** The probe's next fire time (in the past while in standby); empty if it is not on the timer. */
    Optional<Instant> nextFireTime(String probeId) {
        lock.lock();
        try {
            FireQueue.Entry entry = entries.get(probeId);
            return entry == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(entry.nextFire));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts firing, or resumes after {@link #standby}; the thread is made on the first call.
     *
     * @throws IllegalStateException after {@link #shutdown}
     */
    void start() {
        lock.lock();
        try {
            if (stopped) {
                throw new IllegalStateException("the interval timer has been shut down");
            }
            paused = false;
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name(THREAD_NAME).start(this::fireLoop);
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops firing until {@link #start}; no fire is dispatched once this returns. Fire times passed
     * meanwhile are handled as late fires on resume: at most one late run per probe.
     */
    void standby() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    /** True while firing: started, not in standby, not shut down. */
    boolean isRunning() {
        lock.lock();
        try {
            return thread != null && !paused && !stopped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops firing for good and waits a few seconds for the thread to end (it only ever waits on the
     * lock's condition, so it ends at once).
     *
     * @return true if the thread ended (or never started)
     */
    boolean shutdown() {
        Thread running;
        lock.lock();
        try {
            stopped = true;
            paused = true;
            changed.signal();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running == null || running == Thread.currentThread()) {
            return true;
        }
        try {
            return running.join(JOIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fireLoop() {
        lock.lock();
        try {
            while (!stopped) {
                FireQueue.Entry head = queue.peek();
                if (paused || head == null) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                Instant now = clock.instant();
                long nowMillis = now.toEpochMilli();
                if (head.nextFire > nowMillis) {
                    long waitNanos =
                            TimeUnit.MILLISECONDS.toNanos(head.nextFire - nowMillis) - now.getNano() % 1_000_000;
                    awaitNanos(Math.min(waitNanos, maxWaitNanos));
                    continue;
                }
                // Everything due by this reading of the clock, earliest first.
                while (head != null && head.nextFire <= nowMillis) {
                    fire(head, nowMillis);
                    head = queue.peek();
                }
            }
        } catch (RuntimeException | Error e) {
            log.error("the interval timer stopped: every: probes no longer fire", e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Runs the head once for its latest due fire time (or skips it), then moves it to the next one. */
    private void fire(FireQueue.Entry entry, long nowMillis) {
        long interval = entry.intervalMillis;
        long missed = (nowMillis - entry.nextFire) / interval; // due fire times before the latest
        long latest = entry.nextFire + missed * interval;
        entry.nextFire = latest + interval;
        queue.headMovedLater();
        boolean tooLate = nowMillis - latest > misfireThresholdMillis;
        try {
            if (tooLate) {
                missed++;
            } else {
                dispatcher.dispatch(entry.probe, Instant.ofEpochMilli(latest));
            }
            if (missed > 0) {
                dispatcher.recordSkips(entry.probeId, SkipReason.BEHIND, missed);
            }
        } catch (RuntimeException e) {
            // The next fire is queued already; one failed hand-off must not stop every other probe.
            log.warn("probe {}: run could not be started: {}", entry.probeId, e.toString());
        }
    }

    private void awaitNanos(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            // Nobody but shutdown has a reason to stop this thread, and it uses the stopped flag.
            log.debug("interval timer interrupted; ignored");
        }
    }
}
