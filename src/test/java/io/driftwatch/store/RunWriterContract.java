package io.driftwatch.store;

import static io.driftwatch.store.StoreAccess.micros;
import static io.driftwatch.store.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batching writer against a real store, and the transaction helper. Run unchanged on every
 * dialect by the {@link StoreFixture} subclasses ({@link H2RunStoreTest}, {@link PostgresRunStoreTest}).
 */
interface RunWriterContract extends StoreAccess {
    @Test
    default void writerFlushWritesEverySubmittedRun() throws SQLException {
        try (RunWriter writer = new RunWriter(
                store(), new RunWriter.Settings(50, 10_000, Duration.ofMillis(250), Duration.ofSeconds(30)))) {
            for (int i = 0; i < 1_000; i++) {
                assertThat(writer.submit(TestRuns.passing("p" + (i % 7), T0.plusMillis(i))))
                        .isTrue();
            }

            writer.flush();

            assertThat(count("probe_run")).isEqualTo(1_000);
            assertThat(writer.written()).isEqualTo(1_000);
            assertThat(writer.queued()).isZero();
            assertThat(store().latestAll()).hasSize(7);
            assertThat(store().latest("p6").orElseThrow().startedAt()).isEqualTo(micros(T0.plusMillis(993)));
        }
    }

    @Test
    default void latestRowFollowsNewsAtOnceAndTheRestAtFlush() throws Exception {
        try (RunWriter writer =
                new RunWriter(store(), new RunWriter.Settings(50, 1_000, Duration.ZERO, Duration.ofSeconds(30)))) {
            writer.submit(TestRuns.passing("steady", T0));
            awaitWritten(writer, 1);
            writer.submit(TestRuns.passing("steady", T0.plusSeconds(10)));
            awaitWritten(writer, 2);
            assertThat(count("probe_run")).isEqualTo(2);
            assertThat(store().latest("steady").orElseThrow().startedAt())
                    .as("the same result again waits for the next flush")
                    .isEqualTo(micros(T0));

            writer.submit(TestRuns.timedOut("steady", T0.plusSeconds(20), List.of()));
            awaitWritten(writer, 3);
            assertThat(store().latest("steady").orElseThrow().startedAt())
                    .as("a changed outcome is written at once")
                    .isEqualTo(micros(T0.plusSeconds(20)));

            writer.submit(TestRuns.timedOut("steady", T0.plusSeconds(30), List.of()));
            writer.flush();
            assertThat(store().latest("steady").orElseThrow().startedAt()).isEqualTo(micros(T0.plusSeconds(30)));
            assertThat(count("probe_run")).isEqualTo(4);
            assertThat(writer.written()).isEqualTo(4);
        }
    }

    private static void awaitWritten(RunWriter writer, long runs) throws InterruptedException {
        for (int i = 0; i < 500 && writer.written() < runs; i++) Thread.sleep(10);
        assertThat(writer.written()).isEqualTo(runs);
    }

    @Test
    default void writerCloseWritesEveryQueuedRunFromManyThreads() throws Exception {
        RunWriter writer = new RunWriter(
                store(), new RunWriter.Settings(200, 20_000, Duration.ofMillis(250), Duration.ofSeconds(60)));
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            producers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 250; i++) writer.submit(TestRuns.passing("t" + thread, T0.plusMillis(i)));
            }));
        }
        for (Thread producer : producers) producer.join();

        writer.close();

        assertThat(count("probe_run")).isEqualTo(2_000);
        assertThat(writer.written()).isEqualTo(2_000);
        assertThat(writer.dropped()).isZero();
        assertThat(writer.submit(TestRuns.passing("late", T0))).isFalse();
        assertThat(writer.dropped()).isEqualTo(1);
        writer.flush(); // after close: returns at once
        assertThat(store().latest("late")).isEmpty();
    }

    @Test
    default void writerDropsOnlyTheRunTheStoreRejects() throws SQLException {
        String tooLong = "x".repeat(300); // probe_id holds 200 characters
        try (RunWriter writer = new RunWriter(
                store(), new RunWriter.Settings(100, 1_000, Duration.ofMillis(250), Duration.ofSeconds(30)))) {
            writer.submit(TestRuns.passing("a", T0));
            writer.submit(TestRuns.passing(tooLong, T0));
            writer.submit(TestRuns.passing("b", T0));

            writer.flush();

            assertThat(writer.dropped()).isEqualTo(1);
            assertThat(writer.written()).isEqualTo(2);
            assertThat(store().latestAll().keySet()).containsExactly("a", "b");
            assertThat(count("probe_run")).isEqualTo(2);
        }
    }

    @Test
    default void inTransactionCommitsOnReturnAndRollsBackOnException() throws SQLException {
        String insert = RunStore.INSERT_RUN;
        PendingRun run = PendingRun.of(StoredRun.from(TestRuns.passing("tx", T0)));

        int inserted = db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                RunColumns.bind(ps, run);
                return ps.executeUpdate();
            }
        });
        assertThat(inserted).isEqualTo(1);

        assertThatThrownBy(() -> db().inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        RunColumns.bind(ps, run);
                        ps.executeUpdate();
                    }
                    throw new IllegalStateException("outbox row rejected");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("outbox row rejected");
        assertThatThrownBy(() -> db().inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        RunColumns.bind(ps, run);
                        ps.executeUpdate();
                    }
                    return c.prepareStatement("SELECT no_such_column FROM probe_run")
                            .executeQuery();
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store transaction failed: ");
        assertThat(count("probe_run")).isEqualTo(1);
    }
}
