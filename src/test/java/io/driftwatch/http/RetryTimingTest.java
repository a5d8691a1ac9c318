package io.driftwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.RetrySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryTimingTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    /** nextDouble() just below 1: the jitter takes its whole range. */
    private static final RandomGenerator TOP = () -> -1L;

    @Test
    void deltaSeconds() {
        assertThat(RetryTiming.retryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryTiming.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryTiming.retryAfter("99999999999", NOW)).isEqualTo(RetryTiming.MAX_RETRY_AFTER);
    }

    @Test
    void httpDateIsRelativeToNow() {
        assertThat(RetryTiming.retryAfter("Mon, 02 Mar 2026 10:16:00 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryTiming.retryAfter("Mon, 02 Mar 2026 10:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void unreadableValuesAreIgnored() {
        assertThat(RetryTiming.retryAfter(null, NOW)).isNull();
        assertThat(RetryTiming.retryAfter("", NOW)).isNull();
        assertThat(RetryTiming.retryAfter("-3", NOW)).isNull();
        assertThat(RetryTiming.retryAfter("soon", NOW)).isNull();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        var spec = new RetrySpec(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(RetryTiming.backoff(spec, 1, TOP)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(RetryTiming.backoff(spec, 2, TOP)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
        assertThat(RetryTiming.backoff(spec, 4, TOP)).isBetween(Duration.ofMillis(799), Duration.ofMillis(800));
        assertThat(RetryTiming.backoff(spec, 5, TOP)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(RetryTiming.backoff(spec, 80, TOP)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(RetryTiming.backoff(spec, 3, () -> 0L)).isEqualTo(Duration.ZERO);
        assertThat(RetryTiming.backoff(RetrySpec.NONE, 1, TOP)).isEqualTo(Duration.ZERO);
    }
}
