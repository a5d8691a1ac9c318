package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Runs every probe on its schedule: one Quartz job and trigger per probe, fired runs handed to a
 * {@link RunDispatcher}. The job store (RAM by default, JDBC when clustered) is chosen by {@link
 * SchedulerSettings} alone.
 *
 * <p>Lifecycle: construct, {@link #schedule} or {@link #sync} the probes, {@link #start}; on reload
 * call {@link #sync} again; on exit {@link #shutdown(Duration)}, which also shuts the dispatcher down.
 * Probes may be scheduled before or after {@link #start}.
 */
public final class ProbeScheduler implements AutoCloseable {

    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final Scheduler quartz;
    private final RunDispatcher dispatcher;
    private final Clock clock;
    private final ProbeJob job;
    /** The current definition of every probe scheduled by this node, read when a trigger fires. */
    private final Map<String, ProbeDefinition> probes = new ConcurrentHashMap<>();

    /**
     * @param clock "now" for start jitter; the system clock in production (Quartz fires by the system
     *     clock)
     * @throws ScheduleException if Quartz cannot be built (bad settings, scheduler database unreachable)
     * @throws IllegalStateException if a scheduler with the same instance name already runs in this JVM
     */
    public ProbeScheduler(SchedulerSettings settings, RunDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        Properties properties = settings.toProperties();
        String name = properties.getProperty(SchedulerSettings.INSTANCE_NAME, SchedulerSettings.DEFAULT_INSTANCE_NAME);
        synchronized (ProbeScheduler.class) {
            // StdSchedulerFactory would silently hand back the running scheduler of that name.
            if (SchedulerRepository.getInstance().lookup(name) != null) {
                throw new IllegalStateException("a Quartz scheduler named " + name + " already runs in this JVM");
            }
            try {
                this.quartz = new StdSchedulerFactory(properties).getScheduler();
                this.job = new ProbeJob(probes::get, dispatcher);
                quartz.setJobFactory(ProbeJob.factory(job));
            } catch (SchedulerException e) {
                throw new ScheduleException("cannot create the scheduler: " + e.getMessage(), e);
            }
        }
    }

    /** Starts firing triggers, or resumes after {@link #standby}. */
    public void start() {
        call("start the scheduler", () -> {
            quartz.start();
            return null;
        });
    }

    /**
     * Stops firing triggers until {@link #start} is called again; runs in flight go on. Fires missed
     * meanwhile are not caught up in a burst: at most one late run per probe follows.
     */
    public void standby() {
        call("put the scheduler in standby", () -> {
            quartz.standby();
            return null;
        });
    }

    /** True while triggers fire: started, not in standby, not shut down. */
    public boolean isStarted() {
        return call(
                "read the scheduler state",
                () -> quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown());
    }

    /**
     * Adds the probe, or replaces its definition. Runs from now on see the new definition. If the
     * schedule is unchanged the trigger is kept, so the probe keeps its phase; otherwise it gets a new
     * trigger (jittered again).
     *
     * @throws IllegalArgumentException if Quartz cannot run the schedule; the previous version of the
     *     probe, if any, keeps running unchanged
     */
    public synchronized void schedule(ProbeDefinition probe) {
        ProbeTriggers.validate(probe);
        probes.put(probe.id(), probe);
        call("schedule probe " + probe.id(), () -> {
            Trigger existing = quartz.getTrigger(ProbeTriggers.triggerKey(probe.id()));
            if (existing == null || !ProbeTriggers.sameSchedule(existing, probe.schedule())) {
                Trigger trigger = ProbeTriggers.trigger(probe, clock.instant());
                job.forget(probe.id()); // the new trigger's first fire is never taken for a catch-up
                quartz.scheduleJob(ProbeTriggers.job(probe.id()), Set.of(trigger), true);
            }
            return null;
        });
    }

    /**
     * Removes the probe's job and trigger. A run in flight finishes.
     *
     * @return true if the probe was scheduled
     */
    public synchronized boolean unschedule(String probeId) {
        // Trigger first: a fire racing with this call then still finds the definition.
        boolean removed = call("unschedule probe " + probeId, () -> quartz.deleteJob(ProbeTriggers.jobKey(probeId)));
        probes.remove(probeId);
        job.forget(probeId);
        return removed;
    }

    /**
     * Makes the scheduled probes exactly {@code wanted}: schedules or replaces each, unschedules the
     * rest (including probes left in a JDBC store by an earlier configuration). Every schedule is
     * validated first; if one is invalid nothing changes.
     */
    public synchronized void sync(Collection<ProbeDefinition> wanted) {
        wanted.forEach(ProbeTriggers::validate);
        Set<String> stale = new HashSet<>(scheduledIds());
        for (ProbeDefinition probe : wanted) {
            stale.remove(probe.id());
            schedule(probe);
        }
        stale.forEach(this::unschedule);
    }

    /** Ids of the probes with a job in the store (for the JDBC store, scheduled by any node). */
    public Set<String> scheduledIds() {
        return call(
                "list scheduled probes",
                () -> quartz.getJobKeys(GroupMatcher.jobGroupEquals(ProbeTriggers.GROUP)).stream()
                        .map(JobKey::getName)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** When the probe fires next; empty if it is not scheduled. */
    public Optional<Instant> nextFireTime(String probeId) {
        return call("read the trigger of probe " + probeId, () -> {
            Trigger trigger = quartz.getTrigger(ProbeTriggers.triggerKey(probeId));
            return Optional.ofNullable(trigger == null ? null : trigger.getNextFireTime())
                    .map(java.util.Date::toInstant);
        });
    }

    /**
     * Stops firing, then stops the dispatcher and waits up to {@code timeout} for runs in flight
     * (runs still going then are interrupted).
     *
     * @return true if every run finished in time
     */
    public boolean shutdown(Duration timeout) {
        call("shut the scheduler down", () -> {
            quartz.shutdown(true); // waits for Quartz threads only; each returns within microseconds
            return null;
        });
        return dispatcher.shutdown(timeout);
    }

    /** {@link #shutdown(Duration)} with {@link #DEFAULT_SHUTDOWN_TIMEOUT}. */
    public boolean shutdown() {
        return shutdown(DEFAULT_SHUTDOWN_TIMEOUT);
    }

    @Override
    public void close() {
        shutdown();
    }

    @FunctionalInterface
    private interface QuartzCall<T> {
        T call() throws SchedulerException;
    }

    private static <T> T call(String what, QuartzCall<T> action) {
        try {
            return action.call();
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
