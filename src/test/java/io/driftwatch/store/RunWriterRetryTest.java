package io.driftwatch.store;

import static io.driftwatch.store.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The writer's failure handling, against a recording sink that fails on demand. */
class RunWriterRetryTest {

    /** Records every write; throws the queued failures first, one per call. */
    static final class RecordingSink implements RunSink {
        final List<List<String>> batches = new ArrayList<>();
        final List<SQLException> failures = new ArrayList<>();
        String rejectedProbe;

        @Override
        public synchronized void write(List<PendingRun> runs) throws SQLException {
            if (!failures.isEmpty()) throw failures.remove(0);
            List<String> ids = runs.stream()
                    .filter(PendingRun::history)
                    .map(r -> r.run().probeId())
                    .toList();
            if (ids.isEmpty()) return; // only held-back latest rows
            if (ids.contains(rejectedProbe)) throw new SQLException("value too long for probe_id", "22001");
            batches.add(ids);
        }

        synchronized List<String> written() {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    static final class RecordingSleeper implements RunWriter.Sleeper {
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration duration) {
            sleeps.add(duration);
        }
    }

    private static final RunWriter.Settings SETTINGS =
            new RunWriter.Settings(10, 100, Duration.ZERO, Duration.ofSeconds(30));

    @Test
    void transientFailuresAreRetriedWithDoublingBackoffCappedAtThirtySeconds() {
        RecordingSink sink = new RecordingSink();
        for (int i = 0; i < 7; i++) sink.failures.add(new SQLTransientConnectionException("pool timeout"));
        RecordingSleeper sleeper = new RecordingSleeper();

        try (RunWriter writer = new RunWriter(sink, SETTINGS, sleeper)) {
            writer.submit(TestRuns.passing("a", T0));
            writer.flush();

            assertThat(sink.written()).containsExactly("a");
            assertThat(sleeper.sleeps)
                    .containsExactly(
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(4),
                            Duration.ofSeconds(8),
                            Duration.ofSeconds(16),
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(30));
            assertThat(writer.written()).isEqualTo(1);
            assertThat(writer.dropped()).isZero();
        }
    }

    @Test
    void runsShareATransactionUpToMaxBatchWhileTheyLinger() {
        RecordingSink sink = new RecordingSink();
        // A linger far longer than the test: only maxBatch and flush() end a batch.
        RunWriter.Settings settings = new RunWriter.Settings(10, 100, Duration.ofHours(1), Duration.ofSeconds(30));

        try (RunWriter writer = new RunWriter(sink, settings, new RecordingSleeper())) {
            for (int i = 0; i < 25; i++) writer.submit(TestRuns.passing("p" + i, T0));
            writer.flush();

            assertThat(sink.batches).extracting(List::size).containsExactly(10, 10, 5);
            assertThat(sink.written()).hasSize(25).startsWith("p0", "p1").endsWith("p24");
        }
    }

    @Test
    void aFullBatchIsWrittenAtOnceAndCloseEndsALingeringOne() throws Exception {
        RecordingSink sink = new RecordingSink();
        RunWriter.Settings settings = new RunWriter.Settings(10, 100, Duration.ofHours(1), Duration.ofHours(1));
        RunWriter writer = new RunWriter(sink, settings, new RecordingSleeper());
        var closed = new CountDownLatch(1);
        try {
            for (int i = 0; i < 13; i++) writer.submit(TestRuns.passing("p" + i, T0));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (writer.written() < 10 && System.nanoTime() < until) Thread.sleep(5);
            assertThat(sink.batches)
                    .as("the tenth run wakes the lingering writer")
                    .containsExactly(sink.batches.get(0));
            assertThat(sink.batches.get(0)).hasSize(10);

            Thread.ofPlatform().start(() -> {
                writer.close();
                closed.countDown();
            });
            assertThat(closed.await(20, TimeUnit.SECONDS))
                    .as("close wakes the writer from its hour-long linger")
                    .isTrue();
            assertThat(sink.written()).hasSize(13).endsWith("p12");
        } finally {
            writer.close();
        }
    }

    @Test
    void settingsRejectNonsenseWithExactMessages() {
        assertThatThrownBy(() -> new RunWriter.Settings(0, 1, Duration.ZERO, Duration.ZERO))
                .hasMessage("maxBatch must be at least 1, got 0");
        assertThatThrownBy(() -> new RunWriter.Settings(1, 0, Duration.ZERO, Duration.ZERO))
                .hasMessage("capacity must be at least 1, got 0");
        assertThatThrownBy(() -> new RunWriter.Settings(1, 1, Duration.ofMillis(-1), Duration.ZERO))
                .hasMessage("linger must not be negative, got PT-0.001S");
    }

    @Test
    void connectionStateErrorsCountAsTransient() {
        assertThat(SqlErrors.isTransient(new SQLException("connection lost", "08006")))
                .isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("wrapped", "XX000", new SQLTransientConnectionException())))
                .isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("value too long", "22001")))
                .isFalse();
        assertThat(SqlErrors.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void aRejectedBatchIsRetriedRunByRunAndOnlyTheRejectedRunIsDropped() {
        RecordingSink sink = new RecordingSink();
        sink.rejectedProbe = "bad";
        RecordingSleeper sleeper = new RecordingSleeper();

        try (RunWriter writer = new RunWriter(sink, SETTINGS, sleeper)) {
            for (String id : List.of("a", "bad", "b")) writer.submit(TestRuns.passing(id, T0));
            writer.flush();

            assertThat(sink.written()).containsExactly("a", "b");
            assertThat(writer.dropped()).isEqualTo(1);
            assertThat(writer.written()).isEqualTo(2);
            assertThat(writer.queued()).isZero();
            assertThat(sleeper.sleeps).isEmpty();
        }
    }

    @Test
    void runsBeyondCapacityAreDroppedNotQueued() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        RunSink blocked = runs -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new SQLException("interrupted", e);
            }
            synchronized (written) {
                runs.stream()
                        .filter(PendingRun::history)
                        .forEach(r -> written.add(r.run().probeId()));
            }
        };
        RunWriter writer =
                new RunWriter(blocked, new RunWriter.Settings(1, 3, Duration.ZERO, Duration.ofSeconds(30)), d -> {});
        writer.submit(TestRuns.passing("first", T0));
        writing.await(); // the writer holds "first"; it still counts against capacity until written

        assertThat(writer.submit(TestRuns.passing("second", T0))).isTrue();
        assertThat(writer.submit(TestRuns.passing("third", T0))).isTrue();
        assertThat(writer.submit(TestRuns.passing("fourth", T0))).isFalse();
        assertThat(writer.queued()).isEqualTo(3);
        assertThat(writer.dropped()).isEqualTo(1);

        release.countDown();
        writer.close();
        assertThat(written).containsExactly("first", "second", "third");
        assertThat(writer.written()).isEqualTo(3);
    }

    @Test
    void closeGivesUpOnAStoreThatStaysDownAfterItsTimeoutAndCountsTheLostRuns() {
        RunSink down = runs -> {
            throw new SQLTransientConnectionException("connection refused");
        };
        // The sleeper blocks like a real one, so the close timeout expires and interrupts it.
        RunWriter writer = new RunWriter(
                down,
                new RunWriter.Settings(10, 100, Duration.ZERO, Duration.ofMillis(50)),
                d -> new CountDownLatch(1).await());
        for (int i = 0; i < 5; i++) writer.submit(TestRuns.passing("p" + i, T0));

        writer.close();

        assertThat(writer.written()).isZero();
        assertThat(writer.dropped()).isEqualTo(5);
        assertThat(writer.queued()).isZero();
    }
}
