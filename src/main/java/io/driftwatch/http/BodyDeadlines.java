package io.driftwatch.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the attempts whose run deadline passes while they still wait, from one daemon thread for the
 * whole process: a wait for the headers, and a server that stalls in the middle of a body (what the
 * attempt does at its deadline is {@link AttemptExpiry}).
 *
 * <p>Attempts wait in {@code HttpClient.send}, untimed. A timed wait would cost every run a timer task
 * scheduled and cancelled on the virtual-thread scheduler's delay queue (a thread of its own), and the
 * client's {@code sendAsync} completes its future on the common pool, one more thread hand-off per run;
 * in a profile at 1,000 runs/s those were about a tenth of the daemon's CPU; the client's own request
 * timeout wakes its selector thread for every request. Here a run costs a set
 * insert and removal; the watcher sleeps until the earliest deadline it knows, at most {@link
 * #MAX_SLEEP_NANOS} (until the next watch when none is left), and is woken early only by an attempt due
 * before that.
 */
final class BodyDeadlines {
    static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long IDLE_SLEEP_NANOS = TimeUnit.HOURS.toNanos(1);

    private static final BodyDeadlines SHARED = new BodyDeadlines();

    /** One watched attempt; {@code onExpire} runs on the watcher thread, at most once. */
    static final class Watch {
        private final long deadlineNanos;
        private final Runnable onExpire;

        private Watch(long deadlineNanos, Runnable onExpire) {
            this.deadlineNanos = deadlineNanos;
            this.onExpire = onExpire;
        }
    }

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;
    private volatile long nextWakeNanos;

    /** The process-wide watcher. */
    static BodyDeadlines shared() {
        return SHARED;
    }

    /**
     * Runs {@code onExpire} once {@link System#nanoTime()} passes {@code deadlineNanos}, unless {@link
     * #done} is called first. {@code onExpire} must be quick and must not block.
     */
    Watch watch(long deadlineNanos, Runnable onExpire) {
        Watch w = new Watch(deadlineNanos, onExpire);
        watched.add(w);
        Thread t = thread;
        if (t == null) {
            start();
        } else if (deadlineNanos - nextWakeNanos < 0) {
            LockSupport.unpark(t);
        }
        return w;
    }

    /** The attempt ended; its {@code onExpire} will not run unless it already has. */
    void done(Watch w) {
        watched.remove(w);
    }

    private synchronized void start() {
        if (thread != null) return;
        nextWakeNanos = System.nanoTime();
        thread = Thread.ofPlatform().daemon().name("driftwatch-http-deadlines").start(this::loop);
    }

    private void loop() {
        while (true) {
            long now = System.nanoTime();
            long wake = now + MAX_SLEEP_NANOS;
            // published before the scan: a watch added meanwhile that is due sooner unparks this thread
            nextWakeNanos = wake;
            for (Watch w : watched) {
                if (w.deadlineNanos - now <= 0) {
                    if (watched.remove(w)) expire(w);
                } else if (w.deadlineNanos - wake < 0) {
                    wake = w.deadlineNanos;
                }
            }
            if (watched.isEmpty()) {
                // published before the second look, as above: a watch added after it unparks this thread
                nextWakeNanos = now + IDLE_SLEEP_NANOS;
                if (!watched.isEmpty()) continue;
                wake = now + IDLE_SLEEP_NANOS;
            } else {
                nextWakeNanos = wake;
            }
            long sleep = wake - System.nanoTime();
            if (sleep > 0) LockSupport.parkNanos(this, sleep);
        }
    }

    private static void expire(Watch w) {
        try {
            w.onExpire.run();
        } catch (RuntimeException e) {
            // the attempt then waits for the server or the connection to end it; never stop the watcher
            org.slf4j.LoggerFactory.getLogger(BodyDeadlines.class)
                    .error("ending an attempt at its deadline failed: {}", e.toString());
        }
    }
}
