package io.driftwatch.store;

import static io.driftwatch.store.StoreAccess.micros;
import static io.driftwatch.store.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.probe.ProbeResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pruning by age and per-probe cap, in batches, and the retention job. Run unchanged on every
 * dialect by the {@link StoreFixture} subclasses ({@link H2RunStoreTest}, {@link PostgresRunStoreTest}).
 */
interface RetentionContract extends StoreAccess {
    @Test
    default void pruneDeletesRunsStartedBeforeTheCutoffInBatches() throws SQLException {
        RunStore smallBatches = new RunStore(db(), 10);
        int old = 27; // three delete statements of at most 10 rows
        List<ProbeResult> batch = new ArrayList<>();
        for (int i = 0; i < old; i++) batch.add(TestRuns.passing("p" + (i % 5), T0.plusMillis(i)));
        store().saveAll(batch);
        store().save(TestRuns.passing("p1", T0.plusSeconds(3600)));
        store().save(TestRuns.passing("fresh", T0.plusSeconds(3600)));

        int deleted = smallBatches.prune(T0.plusSeconds(3600));

        assertThat(deleted).isEqualTo(old);
        assertThat(count("probe_run")).isEqualTo(2);
        // A probe whose every run is gone disappears from latest; the others keep their newest run.
        assertThat(store().latestAll().keySet()).containsExactly("fresh", "p1");
        assertThat(store().prune(T0.plusSeconds(3600))).isZero();
    }

    @Test
    default void pruneBeyondDeletesInBatchesToo() throws SQLException {
        List<ProbeResult> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) batch.add(TestRuns.passing("busy", T0.plusSeconds(i)));
        store().saveAll(batch);

        assertThat(new RunStore(db(), 10).pruneBeyond(4)).isEqualTo(21);
        assertThat(store().history("busy", 100))
                .extracting(StoredRun::startedAt)
                .containsExactly(
                        micros(T0.plusSeconds(24)),
                        micros(T0.plusSeconds(23)),
                        micros(T0.plusSeconds(22)),
                        micros(T0.plusSeconds(21)));
        assertThat(count("probe_run")).isEqualTo(4);
    }

    @Test
    default void pruneBeyondKeepsTheNewestRunsOfEachProbe() throws SQLException {
        List<ProbeResult> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) batch.add(TestRuns.passing("busy", T0.plusSeconds(i)));
        batch.add(TestRuns.passing("busy", T0.plusSeconds(9))); // same start as the newest: ties kept by id
        for (int i = 0; i < 2; i++) batch.add(TestRuns.passing("quiet", T0.plusSeconds(i)));
        store().saveAll(batch);

        int deleted = store().pruneBeyond(3);

        assertThat(deleted).isEqualTo(8);
        assertThat(store().history("busy", 100))
                .extracting(StoredRun::startedAt)
                .containsExactly(micros(T0.plusSeconds(9)), micros(T0.plusSeconds(9)), micros(T0.plusSeconds(8)));
        assertThat(store().history("quiet", 100)).hasSize(2);
        assertThat(count("probe_run")).isEqualTo(5);
        assertThatThrownBy(() -> store().pruneBeyond(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runs kept per probe must be at least 1, got 0");
    }

    @Test
    default void retentionJobAppliesMaxAgeFromTheClockThenThePerProbeCap() throws SQLException {
        List<ProbeResult> batch = new ArrayList<>();
        for (int day = 0; day < 20; day++) batch.add(TestRuns.passing("daily", T0.plus(Duration.ofDays(day))));
        for (int i = 0; i < 8; i++)
            batch.add(TestRuns.passing("busy", T0.plus(Duration.ofDays(19)).plusSeconds(i)));
        store().saveAll(batch);
        Instant now = T0.plus(Duration.ofDays(20));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        RetentionJob.Result result = new RetentionJob(store(), new Retention(Duration.ofDays(14), 5), clock).runOnce();

        // Days 0-5 started before now-14d; of days 6-19, the newest 5 stay; busy keeps its newest 5 of 8.
        assertThat(result.cutoff()).isEqualTo(T0.plus(Duration.ofDays(6)));
        assertThat(result.deletedByAge()).isEqualTo(6);
        assertThat(result.deletedBeyondCap()).isEqualTo(9 + 3);
        assertThat(result.deleted()).isEqualTo(18);
        assertThat(store().history("daily", 100)).hasSize(5);
        assertThat(store().history("busy", 100)).hasSize(5);
        assertThat(count("probe_run")).isEqualTo(10);

        Instant later = T0.plus(Duration.ofDays(40));
        RetentionJob ageOnly =
                new RetentionJob(store(), Retention.maxAge(Duration.ofDays(1)), Clock.fixed(later, ZoneOffset.UTC));
        assertThat(ageOnly.runOnce()).isEqualTo(new RetentionJob.Result(later.minus(Duration.ofDays(1)), 10, 0));
        assertThat(store().latestAll()).isEmpty();
    }
}
