package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.Schedule;
import io.driftwatch.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunDispatcherTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final RecordingTask task = new RecordingTask();
    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RunDispatcher dispatcher;

    @AfterEach
    void release() {
        task.open();
        if (dispatcher != null) {
            dispatcher.shutdown(LONG);
        }
    }

    private RunDispatcher dispatcher(Function<String, Integer> limits, int maxInFlight, MeterRegistry meters) {
        dispatcher = new RunDispatcher(task, limits, maxInFlight, meters, clock);
        return dispatcher;
    }

    private RunDispatcher dispatcher(Function<String, Integer> limits, int maxInFlight) {
        return dispatcher(limits, maxInFlight, registry);
    }

    private static ProbeDefinition probe(String id, String connection) {
        return ScheduleFixtures.probe(id, "test", connection, new Schedule.Every(Duration.ofSeconds(1)));
    }

    @Test
    void aRunDueWhileTheProbeIsStillRunningIsSkippedAndCounted() {
        RunDispatcher d = dispatcher(c -> 10, 100);
        task.close();

        assertThat(d.dispatch(probe("a", "c"), T0)).isTrue();
        await().until(() -> task.running() == 1);
        assertThat(d.dispatch(probe("a", "c"), T0.plusSeconds(1))).isFalse();
        assertThat(d.dispatch(probe("a", "c"), T0.plusSeconds(2))).isFalse();
        assertThat(d.dispatch(probe("b", "c"), T0.plusSeconds(2))).isTrue(); // other probes unaffected

        assertThat(d.skippedOverlap()).isEqualTo(2);
        task.open();
        await().until(() -> d.inFlight() == 0);
        assertThat(d.dispatch(probe("a", "c"), T0.plusSeconds(3))).isTrue();
        await().until(() -> d.inFlight() == 0);
        assertThat(task.runs("a")).hasSize(2);
        assertThat(task.maxRunning("a")).isEqualTo(1);
    }

    @Test
    void runsOnOneConnectionNeverExceedItsMaxConcurrency() {
        RunDispatcher d = dispatcher(Map.of("qbo", 3, "sf", 5)::get, 100);
        task.close();

        IntStream.range(0, 20)
                .forEach(i ->
                        assertThat(d.dispatch(probe("qbo-" + i, "qbo"), T0)).isTrue());
        await().until(() -> task.running() == 3 && d.inFlight() == 20);
        // The other 17 wait on their own threads; another connection is not held up by them.
        assertThat(d.dispatch(probe("sf-1", "sf"), T0)).isTrue();
        await().until(() -> task.running() == 4);
        task.open();

        await().until(() -> d.inFlight() == 0);
        assertThat(task.runs()).hasSize(21);
        assertThat(task.maxRunning()).isEqualTo(4);
        assertThat(task.runs().stream()
                        .filter(r -> r.probeId().startsWith("qbo"))
                        .count())
                .isEqualTo(20);
    }

    @Test
    void anUnknownOrUnsetConnectionLimitIsTheDefaultOfTen() {
        RunDispatcher d = dispatcher(Map.of("unset", 0)::get, 100);
        task.close();

        IntStream.range(0, 12).forEach(i -> d.dispatch(probe("p" + i, "unknown"), T0));
        IntStream.range(0, 12).forEach(i -> d.dispatch(probe("q" + i, "unset"), T0));

        await().until(() -> task.running() == 20 && d.inFlight() == 24);
        task.open();
        await().until(() -> task.finished() == 24);
        assertThat(task.maxRunning()).isEqualTo(20);
    }

    @Test
    void beyondTheGlobalCapRunsAreSkippedAsSaturated() {
        RunDispatcher d = dispatcher(c -> 100, 5);
        task.close();

        IntStream.range(0, 5)
                .forEach(i -> assertThat(d.dispatch(probe("p" + i, "c"), T0)).isTrue());
        assertThat(d.dispatch(probe("p5", "c"), T0)).isFalse();

        assertThat(d.skipped(SkipReason.SATURATED)).isEqualTo(1);
        assertThat(d.inFlight()).isEqualTo(5);
        task.open();
        await().until(() -> d.inFlight() == 0);
        assertThat(d.dispatch(probe("p5", "c"), T0)).isTrue();
    }

    @Test
    void recordsScheduleLagFromTheScheduledTimeToTheRunStart() {
        RunDispatcher d = dispatcher(c -> 10, 10);
        clock.set(T0.plusMillis(250));

        d.dispatch(probe("late", "c"), T0);
        await().until(() -> task.finished() == 1);
        // Fired ahead of time (Quartz batches up to a few ms early): recorded as no lag at all.
        d.dispatch(probe("early", "c"), T0.plusSeconds(1));
        await().until(() -> task.finished() == 2);

        Timer lag = registry.get(RunDispatcher.LAG_METRIC).timer();
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250.0);
        assertThat(task.runs("late").getFirst().scheduledAt()).isEqualTo(T0);
    }

    @Test
    void aFailingRunIsLoggedAndFreesItsProbeAndPermits() {
        RunDispatcher d = dispatcher(c -> 1, 1);
        task.failWith(new IllegalStateException("runner bug"));

        assertThat(d.dispatch(probe("a", "c"), T0)).isTrue();
        await().until(() -> d.inFlight() == 0);
        assertThat(d.dispatch(probe("a", "c"), T0)).isTrue();
        await().until(() -> task.finished() == 2);
    }

    @Test
    void shutdownStopsAcceptingAndWaitsForRunsInFlight() throws Exception {
        RunDispatcher d = dispatcher(c -> 10, 10);
        task.close();
        d.dispatch(probe("a", "c"), T0);
        await().until(() -> task.running() == 1);

        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> d.shutdown(LONG));
        await().until(() -> !d.isAccepting());
        assertThat(d.dispatch(probe("b", "c"), T0)).isFalse();
        assertThat(d.skipped(SkipReason.STOPPED)).isEqualTo(1);
        assertThat(shutdown).isNotDone();
        task.open();

        assertThat(shutdown.get(30, TimeUnit.SECONDS)).isTrue();
        // Shutdown returned only after the run had finished.
        assertThat(task.finished()).isEqualTo(1);
        assertThat(task.runs()).extracting(RecordingTask.Run::probeId).containsExactly("a");
        assertThat(d.shutdown(LONG)).isTrue(); // again: nothing left, returns at once
    }

    @Test
    void runsStillGoingAfterTheShutdownTimeoutAreInterrupted() {
        RunDispatcher d = dispatcher(c -> 10, 10);
        task.close();
        d.dispatch(probe("stuck", "c"), T0);
        await().until(() -> task.running() == 1);

        assertThat(d.shutdown(Duration.ofMillis(50))).isFalse();

        await().until(() -> task.interrupted() == 1 && d.inFlight() == 0);
    }

    @Test
    void exportsBoundedPrometheusMetrics() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunDispatcher d = dispatcher(c -> 10, 10, prometheus);
        task.close();
        d.dispatch(probe("a", "c"), T0);
        d.dispatch(probe("a", "c"), T0);
        d.recordSkip("a", SkipReason.BEHIND);
        await().until(() -> task.running() == 1);

        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains("driftwatch_probe_runs_skipped_total{reason=\"overlap\"} 1")
                .contains("driftwatch_probe_runs_skipped_total{reason=\"behind\"} 1")
                .contains("driftwatch_probe_runs_skipped_total{reason=\"saturated\"} 0")
                .contains("driftwatch_probe_runs_skipped_total{reason=\"stopped\"} 0")
                .contains("driftwatch_probe_runs_in_flight 1")
                .contains("driftwatch_schedule_lag_seconds_count 1")
                .contains("driftwatch_schedule_lag_seconds_bucket{le=");
        assertThat(scrape).doesNotContain("probe=\"a\"");
    }
}
