package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestLimiterTest {
    private final MutableClock clock = new MutableClock();
    /** Waiting moves the clock instead of passing time. */
    private final io.driftwatch.http.Sleeper advancing =
            d -> clock.advanceTo(clock.instant().plus(d));

    @Test
    void concurrencyIsCapped() throws Exception {
        var limiter = new RequestLimiter(500, 2, clock, advancing);
        var a = limiter.acquire(1, Duration.ZERO);
        var b = limiter.acquire(1, Duration.ZERO);
        assertThat(limiter.acquire(1, Duration.ZERO)).isNull();
        a.release(1);
        assertThat(limiter.acquire(1, Duration.ZERO)).isNotNull();
        assertThat(limiter.running()).isEqualTo(2);
        b.release(1);
    }

    @Test
    void sentRequestsOccupyTheWindowForAMinuteAfterTheRunEnded() throws Exception {
        var limiter = new RequestLimiter(3, 10, clock, advancing);
        for (int i = 0; i < 3; i++) limiter.acquire(1, Duration.ZERO).release(1);
        assertThat(limiter.acquire(1, Duration.ZERO)).isNull();
        clock.advance(Duration.ofSeconds(59));
        assertThat(limiter.acquire(1, Duration.ZERO)).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire(1, Duration.ZERO)).isNotNull();
    }

    @Test
    void aRunReservesItsRetryBudgetAndReturnsWhatItDidNotUse() throws Exception {
        var limiter = new RequestLimiter(4, 10, clock, advancing);
        var run = limiter.acquire(3, Duration.ZERO);
        assertThat(limiter.acquire(2, Duration.ZERO)).isNull();
        run.release(1);
        assertThat(limiter.acquire(3, Duration.ZERO)).isNotNull(); // 1 sent + 3 reserved = 4
        assertThat(limiter.acquire(1, Duration.ZERO)).isNull();
    }

    @Test
    void waitsUntilTheOldestRequestLeavesTheWindow() throws Exception {
        var limiter = new RequestLimiter(2, 10, clock, advancing);
        Instant start = clock.instant();
        limiter.acquire(1, Duration.ZERO).release(1);
        clock.advance(Duration.ofSeconds(10));
        limiter.acquire(1, Duration.ZERO).release(1);

        assertThat(limiter.acquire(1, Duration.ofMinutes(2))).isNotNull();
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    }

    @Test
    void givesUpAfterMaxWait() throws Exception {
        var limiter = new RequestLimiter(1, 10, clock, advancing);
        Instant start = clock.instant();
        limiter.acquire(1, Duration.ZERO).release(1);
        assertThat(limiter.acquire(1, Duration.ofSeconds(30))).isNull();
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(30));
    }
}
