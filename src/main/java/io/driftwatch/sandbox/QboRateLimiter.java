package io.driftwatch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Intuit's documented throttle, per realm: at most {@code perMinute} requests in any sliding 60 s window
 * and at most {@code maxConcurrent} in flight (VENDORS.md §1.4). Time comes from the caller (the
 * sandbox clock), so tests move it instead of waiting. Refused requests do not count toward the window.
 */
final class QboRateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final int maxConcurrent;
    private final Map<String, ArrayDeque<Instant>> windows = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private int peakConcurrent;

    QboRateLimiter(int perMinute, int maxConcurrent) {
        this.perMinute = perMinute;
        this.maxConcurrent = maxConcurrent;
    }

    /** Admits one request for {@code realm} at {@code now}; false means answer 429. */
    synchronized boolean tryAcquire(String realm, Instant now) {
        int running = inFlight.getOrDefault(realm, 0);
        peakConcurrent = Math.max(peakConcurrent, running + 1);
        if (running >= maxConcurrent) return false;
        ArrayDeque<Instant> window = windows.computeIfAbsent(realm, r -> new ArrayDeque<>());
        Instant cutoff = now.minus(WINDOW);
        while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) window.pollFirst();
        if (window.size() >= perMinute) return false;
        window.addLast(now);
        inFlight.put(realm, running + 1);
        return true;
    }

    /** Ends a request admitted by {@link #tryAcquire}. */
    synchronized void release(String realm) {
        inFlight.merge(realm, -1, Integer::sum);
    }

    synchronized int peakConcurrent() {
        return peakConcurrent;
    }

    synchronized int inFlight() {
        int total = 0;
        for (int n : inFlight.values()) total += n;
        return total;
    }
}
