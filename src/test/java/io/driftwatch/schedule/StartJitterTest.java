package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StartJitterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant NOW = Instant.parse("2026-03-01T09:15:42.123Z");

    private static List<String> ids(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "probe-%03d".formatted(i))
                .toList();
    }

    @Test
    void fiveHundredProbesWithOneIntervalSpreadAcrossTheMinute() {
        List<Long> offsets = ids(500).stream()
                .map(id -> Duration.between(NOW, StartJitter.firstFire(id, MINUTE, NOW))
                        .toMillis())
                .toList();

        assertThat(offsets).allSatisfy(offset -> assertThat(offset).isBetween(0L, 59_999L));
        assertSpread(offsets);
    }

    @Test
    void theSchedulerStartsEveryProbeAtItsJitteredTime() {
        MutableClock clock = new MutableClock(NOW);
        RunDispatcher dispatcher =
                new RunDispatcher(new RecordingTask(), c -> 10, 10, new SimpleMeterRegistry(), clock);
        ProbeScheduler scheduler = new ProbeScheduler(ScheduleFixtures.settings(), dispatcher, clock);
        try {
            ids(500).forEach(id -> scheduler.schedule(ScheduleFixtures.every(id, MINUTE)));

            List<Long> offsets = ids(500).stream()
                    .map(id -> Duration.between(NOW, scheduler.nextFireTime(id).orElseThrow())
                            .toMillis())
                    .toList();
            assertThat(offsets).allSatisfy(offset -> assertThat(offset).isBetween(0L, 59_999L));
            assertSpread(offsets);
        } finally {
            scheduler.shutdown();
        }
    }

    /** No more than a handful in any 10 ms, and every tenth of the minute used about evenly. */
    private static void assertSpread(List<Long> offsetsMillis) {
        Map<Long, Integer> perTenMillis = new HashMap<>();
        int[] perSixSeconds = new int[10];
        for (long offset : offsetsMillis) {
            perTenMillis.merge(offset / 10, 1, Integer::sum);
            perSixSeconds[(int) (offset / 6_000)]++;
        }
        assertThat(perTenMillis.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
        assertThat(java.util.Arrays.stream(perSixSeconds).boxed().toList())
                .allSatisfy(n -> assertThat(n).isBetween(25, 75));
        assertThat(offsetsMillis.stream().mapToLong(Long::longValue).max().orElseThrow()
                        - offsetsMillis.stream()
                                .mapToLong(Long::longValue)
                                .min()
                                .orElseThrow())
                .isGreaterThan(57_000L);
    }

    @Test
    void theOffsetDependsOnlyOnTheProbeIdAndInterval() {
        long phase = StartJitter.phaseMillis("qbo-invoice-read", MINUTE);

        assertThat(StartJitter.phaseMillis("qbo-invoice-read", MINUTE)).isEqualTo(phase);
        assertThat(phase).isBetween(0L, 59_999L);
        // Any "now" (a restart, another node) lands on the same phase: the cadence survives restarts.
        for (Instant now : List.of(NOW, NOW.plusMillis(1), NOW.plusSeconds(37), NOW.plus(Duration.ofDays(3)))) {
            Instant first = StartJitter.firstFire("qbo-invoice-read", MINUTE, now);
            assertThat(Math.floorMod(first.toEpochMilli(), 60_000L)).isEqualTo(phase);
            assertThat(Duration.between(now, first)).isBetween(Duration.ZERO, MINUTE.minusMillis(1));
        }
    }

    @Test
    void idsDifferingInOneCharacterGetUnrelatedOffsets() {
        long a = StartJitter.phaseMillis("probe-001", MINUTE);
        long b = StartJitter.phaseMillis("probe-002", MINUTE);

        // String.hashCode would put these 1 ms apart.
        assertThat(Math.abs(a - b)).isGreaterThan(1L);
    }

    @Test
    void aFireDueExactlyNowIsNotPushedToTheNextInterval() {
        long phase = StartJitter.phaseMillis("p", MINUTE);
        Instant onPhase = Instant.ofEpochMilli(60_000L * 29_000_000L + phase);

        assertThat(StartJitter.firstFire("p", MINUTE, onPhase)).isEqualTo(onPhase);
    }

    @Test
    void rejectsIntervalsBelowOneMillisecond() {
        assertThatThrownBy(() -> StartJitter.phaseMillis("p", Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must be at least 1ms, was PT0.000999999S");
    }
}
