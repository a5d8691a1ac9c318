package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.driftwatch.config.Schedule;
import io.driftwatch.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduler fires by the wall clock, so these tests let it fire on short intervals and assert
 * counts, never timings. Bounds are generous for a loaded 2-core machine. Each test runs twice: with
 * {@code every:} probes on the interval timer (the default) and with Quartz firing every probe.
 */
@ParameterizedClass(name = "intervalTimer={0}")
@ValueSource(booleans = {true, false})
class ProbeSchedulerTest {

    private static final Duration FAST = Duration.ofMillis(100);
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final boolean intervalTimer;
    private final RecordingTask task = new RecordingTask();
    private final RunDispatcher dispatcher =
            new RunDispatcher(task, c -> 10, 100, new SimpleMeterRegistry(), Clock.systemUTC());
    private ProbeScheduler scheduler;

    ProbeSchedulerTest(boolean intervalTimer) {
        this.intervalTimer = intervalTimer;
        this.scheduler = new ProbeScheduler(settings(), dispatcher, Clock.systemUTC());
    }

    private SchedulerSettings settings() {
        return ScheduleFixtures.settings().with(SchedulerSettings.INTERVAL_TIMER, String.valueOf(intervalTimer));
    }

    @AfterEach
    void stop() {
        task.open();
        scheduler.shutdown();
    }

    @Test
    void anEveryProbeFiresOnItsJitteredPhase() {
        scheduler.schedule(ScheduleFixtures.every("fast", FAST));
        scheduler.start();

        await().atMost(BOUND).until(() -> task.runs("fast").size() >= 3);

        long phase = StartJitter.phaseMillis("fast", FAST);
        assertThat(task.runs("fast"))
                .allSatisfy(run -> assertThat(Math.floorMod(run.scheduledAt().toEpochMilli(), 100L))
                        .isEqualTo(phase));
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(scheduler.scheduledIds()).containsExactly("fast");
        assertThat(scheduler.onIntervalTimer("fast")).isEqualTo(intervalTimer);
    }

    @Test
    void aCronProbeFiresInItsZone() {
        scheduler.schedule(ScheduleFixtures.probe(
                "every-second", "cron", "c", new Schedule.Cron("* * * * * ?", ZoneOffset.ofHours(5))));
        scheduler.start();

        await().atMost(BOUND).until(() -> task.runs("every-second").size() >= 2);

        assertThat(task.runs("every-second"))
                .allSatisfy(run ->
                        assertThat(run.scheduledAt().toEpochMilli() % 1000).isZero());
    }

    @Test
    void unscheduleStopsRuns() {
        scheduler.schedule(ScheduleFixtures.every("doomed", FAST));
        scheduler.schedule(ScheduleFixtures.every("survivor", FAST));
        scheduler.start();
        await().atMost(BOUND).until(() -> task.runs("doomed").size() >= 2);

        assertThat(scheduler.unschedule("doomed")).isTrue();
        assertThat(scheduler.unschedule("doomed")).isFalse();
        int runsAtUnschedule = task.runs("doomed").size();
        int survivorRuns = task.runs("survivor").size();

        // The survivor keeps firing (five more intervals) while the unscheduled probe stays silent.
        await().atMost(BOUND).until(() -> task.runs("survivor").size() >= survivorRuns + 5);
        assertThat(task.runs("doomed")).hasSize(runsAtUnschedule);
        assertThat(scheduler.scheduledIds()).containsExactly("survivor");
        assertThat(scheduler.nextFireTime("doomed")).isEmpty();
    }

    @Test
    void rescheduleWithANewIntervalTakesEffect() {
        scheduler.schedule(ScheduleFixtures.probe("p", "v1", "c", new Schedule.Every(Duration.ofHours(1))));
        scheduler.start();

        scheduler.schedule(ScheduleFixtures.probe("p", "v2", "c", new Schedule.Every(FAST)));

        // An hourly probe fires at most once in this time; 5 runs prove the new interval.
        await().atMost(BOUND)
                .until(() -> task.runs("p").stream()
                                .filter(r -> r.description().equals("v2"))
                                .count()
                        >= 5);
        assertThat(scheduler.nextFireTime("p").orElseThrow())
                .isBefore(Instant.now().plusSeconds(60));
    }

    @Test
    void replacingAProbeWithTheSameScheduleKeepsItsPhaseButUsesTheNewDefinition() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        scheduler.shutdown();
        scheduler = new ProbeScheduler(settings(), dispatcher(), clock);
        scheduler.schedule(ScheduleFixtures.probe("hourly", "v1", "c", new Schedule.Every(Duration.ofHours(1))));
        Instant first = scheduler.nextFireTime("hourly").orElseThrow();

        // A fresh trigger made now would start an hour after the first one.
        clock.set(first.plusMillis(1));
        scheduler.schedule(ScheduleFixtures.probe("hourly", "v2", "c", new Schedule.Every(Duration.ofHours(1))));

        assertThat(scheduler.nextFireTime("hourly")).contains(first);
        // ...while a changed schedule does get a new trigger.
        scheduler.schedule(ScheduleFixtures.probe("hourly", "v3", "c", new Schedule.Every(Duration.ofMinutes(30))));
        assertThat(scheduler.nextFireTime("hourly").orElseThrow()).isAfter(first);
    }

    private RunDispatcher dispatcher() {
        return new RunDispatcher(task, c -> 10, 100, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @Test
    void runsSeeTheLatestDefinition() {
        scheduler.schedule(ScheduleFixtures.probe("p", "v1", "c", new Schedule.Every(FAST)));
        scheduler.start();
        await().atMost(BOUND).until(() -> !task.runs("p").isEmpty());

        scheduler.schedule(ScheduleFixtures.probe("p", "v2", "c", new Schedule.Every(FAST)));

        await().atMost(BOUND).until(() -> task.runs("p").getLast().description().equals("v2"));
    }

    @Test
    void aRunLongerThanItsIntervalNeverOverlapsItself() {
        task.close();
        scheduler.schedule(ScheduleFixtures.every("slow", FAST));
        scheduler.start();

        await().atMost(BOUND).until(() -> dispatcher.skippedOverlap() >= 3);

        assertThat(task.runs("slow")).hasSize(1);
        assertThat(task.maxRunning("slow")).isEqualTo(1);
        task.open();
        await().atMost(BOUND).until(() -> task.runs("slow").size() >= 3);
        assertThat(task.maxRunning("slow")).isEqualTo(1);
    }

    @Test
    void shutdownWaitsForRunsInFlight() throws Exception {
        task.close();
        scheduler.schedule(ScheduleFixtures.every("slow", FAST));
        scheduler.start();
        await().atMost(BOUND).until(() -> task.running() == 1);

        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> scheduler.shutdown(BOUND));
        await().atMost(BOUND).until(() -> !dispatcher.isAccepting());
        assertThat(shutdown).isNotDone();
        task.open();

        assertThat(shutdown.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(task.finished()).isEqualTo(task.runs().size());
        assertThat(task.running()).isZero();
        assertThat(scheduler.isStarted()).isFalse();
    }

    @Test
    void syncSchedulesTheGivenProbesAndRemovesTheRest() {
        scheduler.schedule(ScheduleFixtures.every("old", Duration.ofMinutes(1)));
        scheduler.schedule(ScheduleFixtures.every("kept", Duration.ofMinutes(1)));

        scheduler.sync(List.of(
                ScheduleFixtures.every("kept", Duration.ofMinutes(1)), ScheduleFixtures.cron("new", "0 0 * * * ?")));

        assertThat(scheduler.scheduledIds()).isEqualTo(Set.of("kept", "new"));
    }

    @Test
    void anInvalidCronIsRejectedAndThePreviousVersionKeepsRunning() {
        scheduler.schedule(ScheduleFixtures.every("p", Duration.ofMinutes(1)));
        Instant next = scheduler.nextFireTime("p").orElseThrow();

        assertThatThrownBy(() -> scheduler.schedule(ScheduleFixtures.cron("p", "every tuesday")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "probe p: cron expression \"every tuesday\" is not valid: Illegal characters for this position: 'EVE'");
        assertThatThrownBy(() -> scheduler.sync(List.of(ScheduleFixtures.every("q", Duration.ZERO))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe q: interval must be at least 1ms, was PT0S");

        assertThat(scheduler.scheduledIds()).containsExactly("p");
        assertThat(scheduler.nextFireTime("p")).contains(next);
    }

    @Test
    void twoSchedulersWithOneNameAreRefused() {
        SchedulerSettings settings = settings();
        ProbeScheduler first = new ProbeScheduler(settings, dispatcher(), Clock.systemUTC());
        try {
            assertThatThrownBy(() -> new ProbeScheduler(settings, dispatcher(), Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("a Quartz scheduler named " + settings.get(SchedulerSettings.INSTANCE_NAME)
                            + " already runs in this JVM");
        } finally {
            first.shutdown();
        }
    }

    @Test
    void standbyStopsFiringUntilStartedAgain() {
        scheduler.schedule(ScheduleFixtures.every("p", FAST));
        scheduler.start();
        await().atMost(BOUND).until(() -> !task.runs("p").isEmpty());

        scheduler.standby();

        assertThat(scheduler.isStarted()).isFalse();
        scheduler.start();
        assertThat(scheduler.isStarted()).isTrue();
        int runs = task.runs("p").size();
        await().atMost(BOUND).until(() -> task.runs("p").size() >= runs + 2);
    }
}
