package io.driftwatch.store;

import static io.driftwatch.store.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a run also rewrites its probe's latest row, and what waits for the next flush. */
class LatestRowsTest {

    private final MutableClock clock = new MutableClock(T0);
    private final LatestRows rows = new LatestRows(clock);

    private static PendingRun passing(String probe, Instant at) {
        return PendingRun.of(StoredRun.from(TestRuns.passing(probe, at)));
    }

    private static PendingRun failing(String probe, Instant at) {
        return PendingRun.of(StoredRun.from(TestRuns.timedOut(probe, at, List.of())));
    }

    /** Marks and commits one batch; returns which probes' runs kept their latest mark. */
    private List<String> write(PendingRun... batch) {
        List<PendingRun> original = List.of(batch);
        List<PendingRun> marked = rows.mark(original);
        assertThat(marked).allMatch(PendingRun::history);
        rows.committed(original, marked);
        return marked.stream()
                .filter(PendingRun::latest)
                .map(r -> r.run().probeId())
                .toList();
    }

    @Test
    void aProbesFirstRunIsWrittenAndARepeatOfTheSameResultIsHeldUntilTheNextFlush() {
        assertThat(write(passing("p", T0))).containsExactly("p");

        clock.set(T0.plusSeconds(10));
        assertThat(write(passing("p", T0.plusSeconds(10)))).isEmpty();
        clock.set(T0.plusSeconds(20));
        assertThat(write(passing("p", T0.plusSeconds(20)))).isEmpty();
        assertThat(rows.held()).isEqualTo(1);

        List<PendingRun> held = rows.takeHeld();
        assertThat(held).singleElement().satisfies(r -> {
            assertThat(r.run().startedAt()).isEqualTo(StoreAccess.micros(T0.plusSeconds(20)));
            assertThat(r.history()).isFalse();
            assertThat(r.latest()).isTrue();
        });
        assertThat(rows.held()).isZero();
    }

    @Test
    void aChangedOutcomeIsWrittenAtOnceAndSoIsTheRecoveryAfterIt() {
        write(passing("p", T0));
        clock.set(T0.plusSeconds(10));
        assertThat(write(failing("p", T0.plusSeconds(10)))).containsExactly("p");
        clock.set(T0.plusSeconds(20));
        assertThat(write(failing("p", T0.plusSeconds(20)))).isEmpty();
        clock.set(T0.plusSeconds(30));
        assertThat(write(passing("p", T0.plusSeconds(30)))).containsExactly("p");
        assertThat(rows.held())
                .as("the written recovery replaces the held failure")
                .isZero();
    }

    @Test
    void aRowAMinuteOldIsRewrittenEvenWithNothingNew() {
        write(passing("p", T0));
        clock.set(T0.plus(LatestRows.REFRESH).minusMillis(1));
        assertThat(write(passing("p", clock.instant()))).isEmpty();
        clock.set(T0.plus(LatestRows.REFRESH));
        assertThat(write(passing("p", clock.instant()))).containsExactly("p");
    }

    @Test
    void onlyTheNewestRunOfAProbeInABatchIsACandidateAndOtherProbesAreIndependent() {
        Instant later = T0.plusSeconds(5);
        assertThat(write(passing("a", later), passing("a", T0), passing("b", T0)))
                .containsExactlyInAnyOrder("a", "b");
        List<PendingRun> original = List.of(passing("a", later.plusSeconds(1)), passing("a", later.plusSeconds(2)));
        List<PendingRun> marked = rows.mark(original);
        rows.committed(original, marked);
        assertThat(rows.takeHeld())
                .singleElement()
                .satisfies(r -> assertThat(r.run().startedAt()).isEqualTo(StoreAccess.micros(later.plusSeconds(2))));
    }

    @Test
    void heldRowsThatFailedToWriteAreHeldAgainButNeverOverAnewerRun() {
        write(passing("p", T0));
        clock.set(T0.plusSeconds(10));
        write(passing("p", T0.plusSeconds(10)));
        List<PendingRun> held = rows.takeHeld();
        clock.set(T0.plusSeconds(20));
        write(passing("p", T0.plusSeconds(20)));

        rows.heldFailed(held);

        assertThat(rows.takeHeld())
                .singleElement()
                .satisfies(r -> assertThat(r.run().startedAt()).isEqualTo(StoreAccess.micros(T0.plusSeconds(20))));
    }

    @Test
    void writtenHeldRowsBecomeTheReferenceForTheMinute() {
        write(passing("p", T0));
        clock.set(T0.plusSeconds(50));
        write(passing("p", clock.instant()));
        List<PendingRun> held = rows.takeHeld();
        rows.heldWritten(held);
        clock.set(T0.plusSeconds(70));
        assertThat(write(passing("p", clock.instant())))
                .as("the held row written at 50 s is the reference, so 70 s is not a minute later")
                .isEmpty();
    }
}
