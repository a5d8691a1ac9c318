package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.driftwatch.config.Schedule;
import io.driftwatch.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timer's real thread against a clock moved by hand: nothing is due until the test moves the
 * clock, so every fire is asserted exactly (instant, count, skips). The timer re-reads the clock every
 * few milliseconds, so each step is awaited, never slept.
 */
class IntervalTimerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Duration THRESHOLD = Duration.ofSeconds(10);
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingTask task = new RecordingTask();
    private final RunDispatcher dispatcher = new RunDispatcher(task, c -> 10, 100, new SimpleMeterRegistry(), clock);
    private final IntervalTimer timer = new IntervalTimer(dispatcher, clock, THRESHOLD, Duration.ofMillis(5));

    @AfterEach
    void stop() {
        task.open();
        assertThat(timer.shutdown()).isTrue();
        dispatcher.shutdown(BOUND);
    }

    @Test
    void firesAtExactlyTheInstantsStartJitterGives() {
        Map<String, Duration> probes =
                Map.of("a", Duration.ofSeconds(10), "b", Duration.ofSeconds(3), "c", Duration.ofMillis(7_001));
        probes.forEach((id, interval) -> timer.schedule(ScheduleFixtures.every(id, interval), interval));
        timer.start();

        // Every fire time in the next 30 s: the first fire from now, then every interval.
        List<RecordingTask.Run> expected = new ArrayList<>();
        probes.forEach((id, interval) -> {
            Instant first = StartJitter.firstFire(id, interval, T0);
            assertThat(timer.nextFireTime(id)).contains(first);
            for (Instant t = first; t.isBefore(T0.plusSeconds(30)); t = t.plus(interval)) {
                expected.add(new RecordingTask.Run(id, "test probe", t, null));
            }
        });
        expected.sort(Comparator.comparing(RecordingTask.Run::scheduledAt));

        // Walk the clock through them one by one; each step fires exactly the runs due by then.
        for (Instant at : new TreeSet<>(
                expected.stream().map(RecordingTask.Run::scheduledAt).toList())) {
            clock.set(at);
            long due =
                    expected.stream().filter(r -> !r.scheduledAt().isAfter(at)).count();
            awaitRunsFinished(due);
        }

        probes.forEach((id, interval) -> assertThat(task.runs(id).stream().map(RecordingTask.Run::scheduledAt))
                .containsExactlyElementsOf(expected.stream()
                        .filter(r -> r.probeId().equals(id))
                        .map(RecordingTask.Run::scheduledAt)
                        .toList())
                .allSatisfy(t -> assertThat(Math.floorMod(t.toEpochMilli(), interval.toMillis()))
                        .isEqualTo(StartJitter.phaseMillis(id, interval))));
        assertThat(dispatcher.skipped(SkipReason.BEHIND)).isZero();
        assertThat(dispatcher.skippedOverlap()).isZero();
    }

    @Test
    void aFireAFewMillisecondsLateIsNotASkip() {
        Instant first = scheduleAndStart("p", Duration.ofSeconds(10));

        clock.set(first.plusMillis(3));

        awaitRunsFinished(1);
        assertThat(task.runs("p").getFirst().scheduledAt()).isEqualTo(first);
        assertThat(dispatcher.skipped(SkipReason.BEHIND)).isZero();
        assertThat(timer.nextFireTime("p")).contains(first.plusSeconds(10));
    }

    @Test
    void afterAStallAProbeRunsOnceForTheLatestDueTimeAndTheOthersCountAsBehind() {
        Duration interval = Duration.ofSeconds(10);
        Instant first = scheduleAndStart("p", interval);
        clock.set(first);
        awaitRunsFinished(1);

        // The timer wakes 53 s late: fires first+10s ... first+50s were all due.
        clock.set(first.plus(interval.multipliedBy(5)).plusSeconds(3));

        await().atMost(BOUND).until(() -> dispatcher.skipped(SkipReason.BEHIND) == 4);
        awaitRunsFinished(2);
        assertThat(task.runs("p").getLast().scheduledAt()).isEqualTo(first.plus(interval.multipliedBy(5)));
        assertThat(timer.nextFireTime("p")).contains(first.plus(interval.multipliedBy(6)));
    }

    @Test
    void aFireLaterThanTheMisfireThresholdIsSkippedAndTheProbeWaitsForItsNextTime() {
        Duration hour = Duration.ofHours(1);
        Instant first = scheduleAndStart("hourly", hour);
        clock.set(first);
        awaitRunsFinished(1);

        // Asleep 2.5 h: even the latest missed fire (30 min ago) is over the 10 s threshold.
        clock.set(first.plus(Duration.ofMinutes(150)));

        await().atMost(BOUND).until(() -> dispatcher.skipped(SkipReason.BEHIND) == 2);
        awaitRunsFinished(1); // a dispatched run is counted in flight before the skips are
        assertThat(timer.nextFireTime("hourly")).contains(first.plus(hour.multipliedBy(3)));

        clock.set(first.plus(hour.multipliedBy(3)));
        awaitRunsFinished(2);
        assertThat(task.runs("hourly").getLast().scheduledAt()).isEqualTo(first.plus(hour.multipliedBy(3)));
    }

    @Test
    void standbyStopsFiringAndStartRunsEachProbeAtMostOnceLate() {
        Duration interval = Duration.ofSeconds(2);
        Instant first = scheduleAndStart("p", interval);
        clock.set(first);
        awaitRunsFinished(1);

        timer.standby();
        assertThat(timer.isRunning()).isFalse();
        clock.set(first.plus(interval.multipliedBy(3)).plusMillis(500));
        timer.start();

        await().atMost(BOUND).until(() -> dispatcher.skipped(SkipReason.BEHIND) == 2);
        awaitRunsFinished(2);
        assertThat(task.runs("p").getLast().scheduledAt()).isEqualTo(first.plus(interval.multipliedBy(3)));
        assertThat(timer.isRunning()).isTrue();
    }

    @Test
    void replacingWithTheSameIntervalKeepsTheNextFireAndAChangedIntervalStartsAfresh() {
        Duration hour = Duration.ofHours(1);
        timer.schedule(ScheduleFixtures.probe("p", "v1", "c", new Schedule.Every(hour)), hour);
        Instant first = timer.nextFireTime("p").orElseThrow();

        clock.set(first.plusMillis(1)); // a fresh start now would be an hour later
        timer.schedule(ScheduleFixtures.probe("p", "v2", "c", new Schedule.Every(hour)), hour);
        assertThat(timer.nextFireTime("p")).contains(first);

        Duration half = Duration.ofMinutes(30);
        timer.schedule(ScheduleFixtures.probe("p", "v3", "c", new Schedule.Every(half)), half);
        assertThat(timer.nextFireTime("p")).contains(StartJitter.firstFire("p", half, clock.instant()));

        // The run sees the latest definition.
        timer.start();
        clock.set(timer.nextFireTime("p").orElseThrow());
        awaitRunsFinished(1);
        assertThat(task.runs("p").getFirst().description()).isEqualTo("v3");
    }

    @Test
    void aRemovedProbeNeverFiresAgain() {
        Instant first = scheduleAndStart("gone", Duration.ofSeconds(10));
        Instant other = scheduleAndStart("kept", Duration.ofSeconds(10));

        assertThat(timer.remove("gone")).isTrue();
        assertThat(timer.remove("gone")).isFalse();
        clock.set((first.isAfter(other) ? first : other).plusSeconds(30));

        awaitRunsFinished(1);
        assertThat(task.runs("kept")).hasSize(1);
        assertThat(task.runs("gone")).isEmpty();
        assertThat(timer.ids()).containsExactly("kept");
        assertThat(timer.nextFireTime("gone")).isEmpty();
    }

    @Test
    void afterShutdownTheThreadHasEndedAndNothingCanBeScheduled() {
        scheduleAndStart("p", Duration.ofSeconds(10));

        assertThat(timer.shutdown()).as("thread ended").isTrue();

        assertThat(timer.isRunning()).isFalse();
        assertThatThrownBy(
                        () -> timer.schedule(ScheduleFixtures.every("q", Duration.ofSeconds(1)), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the interval timer has been shut down");
        assertThatThrownBy(timer::start).isInstanceOf(IllegalStateException.class);
    }

    private Instant scheduleAndStart(String id, Duration interval) {
        timer.schedule(ScheduleFixtures.every(id, interval), interval);
        timer.start();
        return timer.nextFireTime(id).orElseThrow();
    }

    /** Waits until {@code count} runs happened in all and none is in flight (so none can overlap). */
    private void awaitRunsFinished(long count) {
        await().atMost(BOUND).until(() -> task.runs().size() >= count && dispatcher.inFlight() == 0);
        assertThat(task.runs()).hasSize((int) count);
    }
}
