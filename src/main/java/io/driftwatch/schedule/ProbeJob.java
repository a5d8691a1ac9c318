package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import java.time.Clock;
import java.util.Date;
import java.util.function.Function;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fired by Quartz for one probe: looks up the probe's current definition by the job's name and hands
 * the run to the {@link RunDispatcher}. Returns within microseconds and never blocks the Quartz
 * thread.
 *
 * <p>Not {@code @DisallowConcurrentExecution}: the job returns at once, so the annotation would not
 * prevent overlapping runs (the dispatcher does), and with the JDBC store it costs extra row updates
 * on every fire.
 */
final class ProbeJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ProbeJob.class);

    private final Function<String, ProbeDefinition> probes;
    private final RunDispatcher dispatcher;
    private final Clock clock;

    ProbeJob(Function<String, ProbeDefinition> probes, RunDispatcher dispatcher, Clock clock) {
        this.probes = probes;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String probeId = context.getJobDetail().getKey().getName();
        ProbeDefinition probe = probes.apply(probeId);
        if (probe == null) {
            // Possible with a shared JDBC store when this node's configuration lacks the probe.
            log.warn("probe {}: trigger fired but the probe is not loaded here; run skipped", probeId);
            return;
        }
        // A trigger whose following fire is already due is more than an interval late (pause, GC,
        // sleep under the misfire threshold): Quartz would fire it again at once for every missed
        // time. Only the newest of those fires runs.
        Date next = context.getNextFireTime();
        if (next != null && !next.toInstant().isAfter(clock.instant())) {
            dispatcher.recordSkip(probeId, SkipReason.BEHIND);
            return;
        }
        dispatcher.dispatch(probe, context.getScheduledFireTime().toInstant());
    }

    /** Hands Quartz the one shared, stateless job instance. */
    static JobFactory factory(ProbeJob job) {
        return (TriggerFiredBundle bundle, Scheduler scheduler) -> job;
    }
}
