package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunRingTest {
    @Test
    void keepsRunsOldestFirstAcrossWrapAroundAndGrowth() {
        RunRing ring = new RunRing();
        ArrayDeque<long[]> model = new ArrayDeque<>();
        Random random = new Random(7);
        for (int step = 0; step < 5_000; step++) {
            if (!model.isEmpty() && random.nextInt(3) == 0) {
                assertThat(ring.firstAt()).isEqualTo(model.peekFirst()[0]);
                ring.removeFirst();
                model.removeFirst();
            } else {
                long at = step * 1_000L;
                long nanos = random.nextLong(1, 1_000_000);
                ring.addLast(at, nanos);
                model.addLast(new long[] {at, nanos});
            }
            assertThat(ring.size()).isEqualTo(model.size());
        }
        assertThat(ring.latencies())
                .containsExactly(model.stream().mapToLong(r -> r[1]).toArray());
    }

    @Test
    void clearEmptiesAndRefusesToReadTheEmptyRing() {
        RunRing ring = new RunRing();
        for (int i = 0; i < 20; i++) ring.addLast(i, i);
        ring.clear();
        assertThat(ring.size()).isZero();
        assertThat(ring.latencies()).isEmpty();
        assertThatThrownBy(ring::firstAt).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ring::removeFirst).isInstanceOf(IllegalStateException.class);
        ring.addLast(5, 6);
        assertThat(ring.latencies()).containsExactly(6);
    }

    @Test
    void epochNanosKeepsTheInstantsOrderAndPrecision() {
        Instant a = Instant.parse("2026-11-22T00:00:00.000000001Z");
        Instant b = a.plusNanos(1);
        assertThat(RunRing.epochNanos(b) - RunRing.epochNanos(a)).isEqualTo(1);
        assertThat(RunRing.epochNanos(Instant.EPOCH)).isZero();
    }
}
