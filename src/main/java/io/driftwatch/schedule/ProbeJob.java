package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Quartz fire time (epoch ms) of each probe's latest fire, run or skipped. */
    private final Map<String, Long> lastFire = new ConcurrentHashMap<>();

    ProbeJob(Function<String, ProbeDefinition> probes, RunDispatcher dispatcher) {
        this.probes = probes;
        this.dispatcher = dispatcher;
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
        if (isCatchUpBurst(probeId, context)) {
            dispatcher.recordSkip(probeId, SkipReason.BEHIND);
            return;
        }
        dispatcher.dispatch(probe, context.getScheduledFireTime().toInstant());
    }

    /**
     * After a pause, GC or sleep shorter than the misfire threshold, Quartz fires a trigger once for
     * every missed time, back to back. Those fires arrive much closer together (by Quartz's own fire
     * time, its wall clock) than the schedule's interval: any fire less than half an interval after
     * the previous fire of the same probe is skipped, so only the first fire of a burst runs. This
     * never skips a run in steady state, even when the scheduler is slower than the interval: a run
     * is then simply as frequent as Quartz can fire it.
     */
    private boolean isCatchUpBurst(String probeId, JobExecutionContext context) {
        long firedAt = context.getFireTime().toInstant().toEpochMilli();
        Long previous = lastFire.put(probeId, firedAt);
        if (previous == null || context.getNextFireTime() == null) {
            return false;
        }
        long interval = context.getNextFireTime().toInstant().toEpochMilli()
                - context.getScheduledFireTime().toInstant().toEpochMilli();
        return firedAt - previous < interval / 2;
    }

    /** Drops the per-probe state of an unscheduled probe. */
    void forget(String probeId) {
        lastFire.remove(probeId);
    }

    /** Hands Quartz the one shared, stateless job instance. */
    static JobFactory factory(ProbeJob job) {
        return (TriggerFiredBundle bundle, Scheduler scheduler) -> job;
    }
}
