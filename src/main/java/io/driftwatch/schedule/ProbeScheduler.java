package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.Schedule;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every probe on its schedule and hands each due run to a {@link RunDispatcher}. Two engines
 * fire, chosen per probe:
 *
 * <ul>
 *   <li>{@code every:} probes on the embedded RAM job store (one node, the default) run on the {@link
 *       IntervalTimer}: one thread and a heap of next fire times. At 10,000 probes every 10 s (1,000
 *       fires/s on 2 cores) Quartz's trigger acquisition, thread pool hand-off and job shell took
 *       10-15 % of the daemon's CPU, and building 10,000 triggers at start-up delayed the first probe;
 *       a fixed-rate probe on one node needs none of that.
 *   <li>{@code cron:} probes, and every probe when the job store is JDBC (a PostgreSQL cluster shares
 *       and fails over the triggers) or {@link SchedulerSettings#INTERVAL_TIMER} is {@code false}, run
 *       as one Quartz job and trigger per probe.
 * </ul>
 *
 * <p>Both fire {@code every:} probes at the same instants ({@link StartJitter}: phase + k × interval
 * since the epoch) and neither bursts after a pause. A probe whose schedule changes between {@code
 * every:} and {@code cron:} moves between them. The job store is chosen by {@link SchedulerSettings}
 * alone.
 *
 * <p>Lifecycle: construct, {@link #schedule} or {@link #sync} the probes, {@link #start}; on reload
 * call {@link #sync} again; on exit {@link #shutdown(Duration)}, which also shuts the dispatcher down.
 * Probes may be scheduled before or after {@link #start}.
 */
public final class ProbeScheduler implements AutoCloseable {

    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ProbeScheduler.class);

    private final Scheduler quartz;
    private final RunDispatcher dispatcher;
    private final Clock clock;
    private final ProbeJob job;
    /** The current definition of every probe this node scheduled on Quartz, read when a trigger fires. */
    private final Map<String, ProbeDefinition> probes = new ConcurrentHashMap<>();
    /** Fires the {@code every:} probes; null when Quartz fires every probe. */
    private final IntervalTimer timer;

    /**
     * @param clock "now" for start jitter, and the clock the interval timer fires by; the system clock
     *     in production (Quartz fires by the system clock)
     * @throws ScheduleException if Quartz cannot be built (bad settings, scheduler database unreachable)
     * @throws IllegalStateException if a scheduler with the same instance name already runs in this JVM
     * @throws IllegalArgumentException if {@link SchedulerSettings#INTERVAL_TIMER} is neither true nor
     *     false
     */
    public ProbeScheduler(SchedulerSettings settings, RunDispatcher dispatcher, Clock clock) {
        this(settings, dispatcher, clock, IntervalTimer.DEFAULT_MAX_WAIT);
    }

    /** @param timerMaxWait longest wait of the interval timer between two readings of {@code clock} */
    ProbeScheduler(SchedulerSettings settings, RunDispatcher dispatcher, Clock clock, Duration timerMaxWait) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        boolean useTimer = settings.intervalTimer();
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
        this.timer = useTimer ? new IntervalTimer(dispatcher, clock, settings.misfireThreshold(), timerMaxWait) : null;
    }

    /** Starts firing triggers, or resumes after {@link #standby}. */
    public void start() {
        call("start the scheduler", () -> {
            quartz.start();
            return null;
        });
        if (timer != null) {
            timer.start();
        }
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
        if (timer != null) {
            timer.standby();
        }
    }

    /** True while triggers fire: started, not in standby, not shut down. */
    public boolean isStarted() {
        return call(
                        "read the scheduler state",
                        () -> quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown())
                && (timer == null || timer.isRunning());
    }

    /**
     * Adds the probe, or replaces its definition. Runs from now on see the new definition. If the
     * schedule is unchanged the probe keeps its next fire time, so it keeps its phase; otherwise it
     * starts afresh (jittered again). A change between {@code every:} and {@code cron:} moves the probe
     * between the interval timer and Quartz.
     *
     * @throws IllegalArgumentException if the schedule cannot run; the previous version of the probe,
     *     if any, keeps running unchanged
     */
    public synchronized void schedule(ProbeDefinition probe) {
        ProbeTriggers.validate(probe);
        if (timer != null && probe.schedule() instanceof Schedule.Every every) {
            call("schedule probe " + probe.id(), () -> {
                // Also fails once shut down, as Quartz's own scheduleJob would.
                boolean wasOnQuartz = quartz.checkExists(ProbeTriggers.jobKey(probe.id()));
                timer.schedule(probe, every.interval());
                if (wasOnQuartz) { // it was a cron probe
                    quartz.deleteJob(ProbeTriggers.jobKey(probe.id()));
                    probes.remove(probe.id());
                    job.forget(probe.id());
                }
                return null;
            });
            return;
        }
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
        if (timer != null) {
            timer.remove(probe.id()); // it was an every: probe
        }
    }

    /**
     * Removes the probe's job and trigger, or its place on the interval timer. A run in flight
     * finishes; no new run starts once this returns.
     *
     * @return true if the probe was scheduled
     */
    public synchronized boolean unschedule(String probeId) {
        boolean onTimer = timer != null && timer.remove(probeId);
        // Trigger first: a fire racing with this call then still finds the definition.
        boolean onQuartz = call("unschedule probe " + probeId, () -> quartz.deleteJob(ProbeTriggers.jobKey(probeId)));
        probes.remove(probeId);
        job.forget(probeId);
        return onTimer || onQuartz;
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

    /**
     * Ids of the probes on the interval timer and with a job in the store (for the JDBC store,
     * scheduled by any node).
     */
    public Set<String> scheduledIds() {
        Set<String> onQuartz = call(
                "list scheduled probes",
                () -> quartz.getJobKeys(GroupMatcher.jobGroupEquals(ProbeTriggers.GROUP)).stream()
                        .map(JobKey::getName)
                        .collect(Collectors.toUnmodifiableSet()));
        if (timer == null) {
            return onQuartz;
        }
        Set<String> all = new HashSet<>(timer.ids());
        all.addAll(onQuartz);
        return Set.copyOf(all);
    }

    /** When the probe fires next; empty if it is not scheduled. */
    public Optional<Instant> nextFireTime(String probeId) {
        if (timer != null) {
            Optional<Instant> onTimer = timer.nextFireTime(probeId);
            if (onTimer.isPresent()) {
                return onTimer;
            }
        }
        return call("read the trigger of probe " + probeId, () -> {
            Trigger trigger = quartz.getTrigger(ProbeTriggers.triggerKey(probeId));
            return Optional.ofNullable(trigger == null ? null : trigger.getNextFireTime())
                    .map(java.util.Date::toInstant);
        });
    }

    /** True if the probe fires on the interval timer rather than on Quartz. */
    boolean onIntervalTimer(String probeId) {
        return timer != null && timer.contains(probeId);
    }

    /**
     * Stops firing, then stops the dispatcher and waits up to {@code timeout} for runs in flight
     * (runs still going then are interrupted).
     *
     * @return true if every run finished in time
     */
    public boolean shutdown(Duration timeout) {
        if (timer != null && !timer.shutdown()) {
            log.warn("the interval timer thread did not end; shutting down anyway");
        }
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
