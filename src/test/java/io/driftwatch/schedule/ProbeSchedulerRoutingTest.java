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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which engine fires which probe: {@code every:} on the interval timer when the store is RAM, {@code
 * cron:} and everything on a JDBC store or with the timer switched off on Quartz; and probes moving
 * between them when their schedule changes. Real threads and the wall clock where probes fire.
 */
class ProbeSchedulerRoutingTest {

    private static final Duration FAST = Duration.ofMillis(100);
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String EVERY_SECOND = "* * * * * ?";

    private final RecordingTask task = new RecordingTask();
    private final RunDispatcher dispatcher =
            new RunDispatcher(task, c -> 10, 100, new SimpleMeterRegistry(), Clock.systemUTC());
    private ProbeScheduler scheduler;

    @AfterEach
    void stop() {
        task.open();
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    @Test
    void everyProbesRunOnTheTimerAndCronProbesOnQuartzAndBothAreListed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        scheduler = new ProbeScheduler(ScheduleFixtures.settings(), dispatcher, clock);

        scheduler.schedule(ScheduleFixtures.every("interval", Duration.ofMinutes(1)));
        scheduler.schedule(ScheduleFixtures.cron("nightly", "0 0 3 * * ?"));

        assertThat(scheduler.onIntervalTimer("interval")).isTrue();
        assertThat(scheduler.onIntervalTimer("nightly")).isFalse();
        assertThat(scheduler.scheduledIds()).isEqualTo(Set.of("interval", "nightly"));
        assertThat(scheduler.nextFireTime("interval"))
                .contains(StartJitter.firstFire("interval", Duration.ofMinutes(1), clock.instant()));
        assertThat(scheduler.nextFireTime("nightly")).isPresent();
        assertThat(scheduler.nextFireTime("unknown")).isEmpty();

        scheduler.sync(List.of(ScheduleFixtures.cron("nightly", "0 0 3 * * ?")));
        assertThat(scheduler.scheduledIds()).containsExactly("nightly");
        assertThat(scheduler.nextFireTime("interval")).isEmpty();
    }

    @Test
    void aProbeMovesToQuartzWhenItBecomesCronAndBackWhenItBecomesEveryAgain() {
        scheduler = new ProbeScheduler(ScheduleFixtures.settings(), dispatcher, Clock.systemUTC());
        scheduler.start();
        scheduler.schedule(ScheduleFixtures.probe("p", "every", "c", new Schedule.Every(FAST)));
        await().atMost(BOUND).until(() -> runsOf("every") >= 2);

        scheduler.schedule(ScheduleFixtures.probe("p", "cron", "c", new Schedule.Cron(EVERY_SECOND, ZoneOffset.UTC)));

        assertThat(scheduler.onIntervalTimer("p")).isFalse();
        await().atMost(BOUND).until(() -> runsOf("cron") >= 2);
        assertThat(task.runs("p").stream().filter(r -> r.description().equals("cron")))
                .allSatisfy(
                        r -> assertThat(r.scheduledAt().toEpochMilli() % 1000).isZero());
        long everyRunsWhileCron = runsOf("every");

        scheduler.schedule(ScheduleFixtures.probe("p", "every again", "c", new Schedule.Every(FAST)));

        assertThat(scheduler.onIntervalTimer("p")).isTrue();
        assertThat(scheduler.scheduledIds()).containsExactly("p");
        await().atMost(BOUND).until(() -> runsOf("every again") >= 3);
        long phase = StartJitter.phaseMillis("p", FAST);
        assertThat(task.runs("p").stream().filter(r -> r.description().equals("every again")))
                .allSatisfy(r -> assertThat(Math.floorMod(r.scheduledAt().toEpochMilli(), FAST.toMillis()))
                        .isEqualTo(phase));
        // The old timer entry was gone while the probe was cron: no run of the first version since.
        assertThat(runsOf("every")).isEqualTo(everyRunsWhileCron);
        // Moving back removed the Quartz job: no cron run in the next second or more.
        long cronRuns = runsOf("cron");
        await().atMost(BOUND).until(() -> runsOf("every again") >= 3 + 10);
        assertThat(runsOf("cron")).isEqualTo(cronRuns);
    }

    @Test
    void unschedulingWhileARunIsInFlightLetsItFinishAndStartsNoOther() {
        scheduler = new ProbeScheduler(ScheduleFixtures.settings(), dispatcher, Clock.systemUTC());
        task.close();
        scheduler.schedule(ScheduleFixtures.every("doomed", FAST));
        scheduler.start();
        await().atMost(BOUND).until(() -> task.running() == 1);

        assertThat(scheduler.unschedule("doomed")).isTrue();
        long overlapsAtUnschedule = dispatcher.skippedOverlap();
        task.open();
        await().atMost(BOUND).until(() -> task.finished() == 1);

        // A survivor scheduled afterwards fires ten times; the unscheduled probe never again.
        scheduler.schedule(ScheduleFixtures.every("survivor", FAST));
        await().atMost(BOUND).until(() -> task.runs("survivor").size() >= 10);
        assertThat(task.runs("doomed")).hasSize(1);
        assertThat(dispatcher.skippedOverlap()).isEqualTo(overlapsAtUnschedule);
    }

    @Test
    void switchingTheTimerOffPutsEveryProbeOnQuartz() {
        scheduler = new ProbeScheduler(
                ScheduleFixtures.settings().with(SchedulerSettings.INTERVAL_TIMER, "false"),
                dispatcher,
                Clock.systemUTC());
        scheduler.schedule(ScheduleFixtures.every("p", FAST));
        scheduler.start();

        await().atMost(BOUND).until(() -> task.runs("p").size() >= 3);
        assertThat(scheduler.onIntervalTimer("p")).isFalse();
        assertThat(scheduler.scheduledIds()).containsExactly("p");
        assertThat(task.runs("p"))
                .allSatisfy(r -> assertThat(Math.floorMod(r.scheduledAt().toEpochMilli(), FAST.toMillis()))
                        .isEqualTo(StartJitter.phaseMillis("p", FAST)));
    }

    @Test
    void afterShutdownAnEveryProbeCannotBeScheduledAnyMoreThanACronProbe() {
        scheduler = new ProbeScheduler(ScheduleFixtures.settings(), dispatcher, Clock.systemUTC());
        scheduler.start();
        scheduler.shutdown();

        assertThat(scheduler.isStarted()).isFalse();
        assertThatThrownBy(() -> scheduler.schedule(ScheduleFixtures.every("p", FAST)))
                .isInstanceOf(ScheduleException.class)
                .hasMessageStartingWith("cannot schedule probe p: ");
        assertThatThrownBy(() -> scheduler.schedule(ScheduleFixtures.cron("q", EVERY_SECOND)))
                .isInstanceOf(ScheduleException.class)
                .hasMessageStartingWith("cannot schedule probe q: ");
    }

    private long runsOf(String description) {
        return task.runs("p").stream()
                .filter(r -> r.description().equals(description))
                .count();
    }
}
