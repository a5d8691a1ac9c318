package io.driftwatch.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/** Mutable counters behind {@link SandboxStats}. */
final class SandboxCounters {
    final AtomicLong qboRefreshes = new AtomicLong();
    final AtomicLong qboRefreshFailures = new AtomicLong();
    final AtomicLong qboApiRequests = new AtomicLong();
    final AtomicLong qboThrottled = new AtomicLong();
    final AtomicLong salesforceTokens = new AtomicLong();
    final AtomicLong salesforceTokenFailures = new AtomicLong();
    final AtomicLong salesforceApiRequests = new AtomicLong();
    final AtomicLong smartyRequests = new AtomicLong();
    final AtomicLong jobsRequests = new AtomicLong();

    SandboxStats snapshot(QboRateLimiter limiter) {
        return new SandboxStats(
                qboRefreshes.get(),
                qboRefreshFailures.get(),
                qboApiRequests.get(),
                qboThrottled.get(),
                limiter.peakConcurrent(),
                limiter.inFlight(),
                salesforceTokens.get(),
                salesforceTokenFailures.get(),
                salesforceApiRequests.get(),
                smartyRequests.get(),
                jobsRequests.get());
    }
}
