package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.config.ProbeDefinition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After a pause (standby here; a GC pause or a laptop sleep in life) a probe runs at most once to
 * catch up, never once per missed interval. The scheduler fires by the wall clock, so the pause has to
 * be real time passing; the assertions count runs, they do not time them. Each test runs with {@code
 * every:} probes on the interval timer and on Quartz.
 */
@ParameterizedClass(name = "intervalTimer={0}")
@ValueSource(booleans = {true, false})
class ProbeSchedulerMisfireTest {

    // Long enough that Quartz replays a burst far faster than half an interval even on a loaded machine.
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration PAUSE = Duration.ofMillis(4_500); // 4 missed fires per probe
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final RecordingTask task = new RecordingTask();
    private final RunDispatcher dispatcher =
            new RunDispatcher(task, c -> 10, 100, new SimpleMeterRegistry(), Clock.systemUTC());
    private final boolean intervalTimer;
    private ProbeScheduler scheduler;

    ProbeSchedulerMisfireTest(boolean intervalTimer) {
        this.intervalTimer = intervalTimer;
    }

    private SchedulerSettings settings() {
        return ScheduleFixtures.settings().with(SchedulerSettings.INTERVAL_TIMER, String.valueOf(intervalTimer));
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void underTheMisfireThresholdOnlyOneOfTheMissedFiresRuns() throws InterruptedException {
        // Under the threshold Quartz replays every missed time at once and the job runs only the first;
        // the timer runs the latest. Either way the others count as behind.
        scheduler = new ProbeScheduler(
                settings().with(SchedulerSettings.MISFIRE_THRESHOLD, "60000"), dispatcher, Clock.systemUTC());
        List<ProbeDefinition> probes = IntStream.range(0, 5)
                .mapToObj(i -> ScheduleFixtures.every("p" + i, INTERVAL))
                .toList();

        Instant resumedAt = pauseAndResume(probes);

        probes.forEach(p -> assertAtMostOneCatchUp(p.id(), resumedAt));
        // Each probe missed 4 fires: the burst was there, and was cut to one run.
        assertThat(dispatcher.skipped(SkipReason.BEHIND)).isGreaterThanOrEqualTo(2L * probes.size());
    }

    @Test
    void overTheMisfireThresholdMissedFiresAreDropped() throws InterruptedException {
        scheduler = new ProbeScheduler(
                settings().with(SchedulerSettings.MISFIRE_THRESHOLD, "500"), dispatcher, Clock.systemUTC());
        List<ProbeDefinition> probes = List.of(
                ScheduleFixtures.every("every-a", INTERVAL),
                ScheduleFixtures.every("every-b", INTERVAL),
                ScheduleFixtures.cron("cron-every-second", "* * * * * ?"));

        Instant resumedAt = pauseAndResume(probes);

        probes.forEach(p -> assertAtMostOneCatchUp(p.id(), resumedAt));
    }

    /** Runs the probes, pauses the scheduler for {@link #PAUSE}, resumes and waits for new runs. */
    private Instant pauseAndResume(List<ProbeDefinition> probes) throws InterruptedException {
        probes.forEach(scheduler::schedule);
        scheduler.start();
        await().atMost(BOUND)
                .until(() -> probes.stream().allMatch(p -> task.runs(p.id()).size() >= 2));

        scheduler.standby();
        Thread.sleep(PAUSE.toMillis()); // wall-clock time must pass for Quartz to miss fires
        Instant resumedAt = Instant.now();
        scheduler.start();

        await().atMost(BOUND)
                .until(() -> probes.stream()
                        .allMatch(p -> task.runs(p.id()).stream()
                                        .filter(r -> !r.scheduledAt().isBefore(resumedAt))
                                        .count()
                                >= 2));
        return resumedAt;
    }

    /** A catch-up run: started after the resume for a time that was due before it. */
    private void assertAtMostOneCatchUp(String probeId, Instant resumedAt) {
        long catchUps = task.runs(probeId).stream()
                .filter(r ->
                        !r.startedAt().isBefore(resumedAt) && r.scheduledAt().isBefore(resumedAt))
                .count();
        assertThat(catchUps).as("catch-up runs of %s", probeId).isLessThanOrEqualTo(1);
    }
}
