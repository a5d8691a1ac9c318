package io.driftwatch.vendor;

import io.driftwatch.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client-side limit of {@code perMinute} requests in any sliding minute and {@code maxConcurrent} runs
 * at once (QuickBooks: 500 and 10 per company, VENDORS.md §1.4). Blocking: call on a virtual thread.
 *
 * <p>Accounting is conservative so the vendor never counts more than we did: a run reserves every
 * request it might send (its retry budget plus one auth retry) while it is in flight, and each request
 * it did send occupies the window until one minute after the run <em>ended</em> (the vendor stamped it
 * at some point before that). Unused reservations are returned when the run ends. Time comes from the
 * injected clock and waits go through the injected {@link Sleeper}, so tests need no real time.
 */
public final class RequestLimiter {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration MAX_NAP = Duration.ofSeconds(1);

    private final int perMinute;
    private final int maxConcurrent;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final ArrayDeque<Instant> sent = new ArrayDeque<>(); // end times of counted requests, oldest first
    private int running;
    private int reserved;
    private Instant pausedUntil = Instant.MIN;

    public RequestLimiter(int perMinute, int maxConcurrent, Clock clock, Sleeper sleeper) {
        if (perMinute < 1 || maxConcurrent < 1) throw new IllegalArgumentException("limits must be at least 1");
        this.perMinute = perMinute;
        this.maxConcurrent = maxConcurrent;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Held by one run; {@link #release(int)} exactly once. */
    public final class Permit {
        private final int slots;
        private boolean done;

        private Permit(int slots) {
            this.slots = slots;
        }

        /** Ends the run: {@code sent} requests were made (they stay in the window for a minute from now). */
        public void release(int sentRequests) {
            lock.lock();
            try {
                if (done) return;
                done = true;
                running--;
                reserved -= slots;
                Instant now = clock.instant();
                for (int i = 0; i < Math.max(0, sentRequests); i++) sent.addLast(now);
                released.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Holds every run not yet started until {@code until} (the vendor throttled us: waiting beats
     * collecting more 429s). Only ever extends an existing pause.
     */
    public void pause(Instant until) {
        lock.lock();
        try {
            if (until.isAfter(pausedUntil)) pausedUntil = until;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The end of the current pause, or null when not paused. */
    public Instant pausedUntil() {
        lock.lock();
        try {
            return clock.instant().isBefore(pausedUntil) ? pausedUntil : null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a run that may send up to {@code slots} requests can start, for at most {@code maxWait}
     * on the clock. Returns null when that time passed without room, or at once when a {@link #pause}
     * outlasts it.
     */
    public Permit acquire(int slots, Duration maxWait) throws InterruptedException {
        int need = Math.max(1, Math.min(slots, perMinute));
        Instant deadline = clock.instant().plus(maxWait);
        lock.lock();
        try {
            while (true) {
                Instant now = clock.instant();
                prune(now);
                if (now.isBefore(pausedUntil)) {
                    if (pausedUntil.isAfter(deadline)) return null;
                    nap(min(Duration.between(now, pausedUntil), MAX_NAP));
                    continue;
                }
                if (running < maxConcurrent && reserved + sent.size() + need <= perMinute) {
                    running++;
                    reserved += need;
                    return new Permit(need);
                }
                if (!now.isBefore(deadline)) return null;
                if (running >= maxConcurrent || sent.isEmpty()) {
                    // Only a run ending can make room.
                    released.await(MAX_NAP.toNanos(), TimeUnit.NANOSECONDS);
                    continue;
                }
                Duration untilRoom = Duration.between(now, sent.peekFirst().plus(WINDOW));
                nap(min(min(untilRoom, Duration.between(now, deadline)), MAX_NAP));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps with the lock released (held by the caller). */
    private void nap(Duration d) throws InterruptedException {
        lock.unlock();
        try {
            sleeper.sleep(d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d);
        } finally {
            lock.lock();
        }
    }

    /** Runs in flight now. */
    public int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    private void prune(Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(cutoff)) sent.pollFirst();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
