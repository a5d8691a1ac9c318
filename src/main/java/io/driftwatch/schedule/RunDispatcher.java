package io.driftwatch.schedule;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.ProbeDefinition;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes due runs from the scheduler's thread (the interval timer's, or Quartz's) and executes each on
 * its own virtual thread.
 * {@link #dispatch} never blocks: it decides, starts a thread and returns.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Never two runs of one probe at once: a run due while the previous one is in flight is skipped
 *       and counted ({@link SkipReason#OVERLAP}), not queued, so a hanging vendor cannot pile up runs.
 *   <li>At most {@code maxConcurrency} runs per connection execute at once (QuickBooks allows 10 per
 *       company). Excess runs wait on a fair semaphore inside their own virtual thread, in arrival order.
 *   <li>At most {@code maxInFlight} runs exist at all (executing or waiting), to bound memory; beyond
 *       that runs are skipped ({@link SkipReason#SATURATED}).
 * </ul>
 *
 * <p>Metrics (one dispatcher per registry): {@code driftwatch_probe_runs_skipped_total{reason}},
 * {@code driftwatch_schedule_lag_seconds} (run start, after the connection permit, minus the trigger's
 * scheduled time; never negative) and {@code driftwatch_probe_runs_in_flight}.
 */
public final class RunDispatcher {

    public static final int DEFAULT_MAX_IN_FLIGHT = 2_000;
    public static final String SKIPPED_METRIC = "driftwatch.probe.runs.skipped";
    public static final String LAG_METRIC = "driftwatch.schedule.lag";
    public static final String IN_FLIGHT_METRIC = "driftwatch.probe.runs.in.flight";

    private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);

    private final ProbeTask task;
    private final Function<String, Integer> maxConcurrencyByConnection;
    private final int maxInFlight;
    private final Clock clock;
    private final Semaphore inFlightPermits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> runningProbes = ConcurrentHashMap.newKeySet();
    private final Set<Thread> runThreads = ConcurrentHashMap.newKeySet();
    private final Map<String, ConnectionGate> gates = new ConcurrentHashMap<>();
    private final Map<SkipReason, AtomicLong> skipped = new EnumMap<>(SkipReason.class);
    private final Timer lag;
    private final ThreadFactory threads =
            Thread.ofVirtual().name("probe-run-", 0).factory();
    private final Object shutdownLock = new Object();
    private volatile boolean accepting = true;
    private boolean drained; // guarded by shutdownLock

    /** Per connection: the limit its semaphore was made with, so a changed limit makes a new one. */
    private record ConnectionGate(int limit, Semaphore permits) {}

    /**
     * @param maxConcurrencyByConnection a connection id's {@code maxConcurrency}; null (unknown
     *     connection) or less than 1 (unset) means {@link ConnectionDefinition#DEFAULT_MAX_CONCURRENCY}. Read at each run, so a
     *     reloaded limit applies to new runs (runs already waiting keep the old gate).
     * @param maxInFlight runs executing or waiting for a connection permit, at most
     * @param clock used for schedule lag only
     */
    public RunDispatcher(
            ProbeTask task,
            Function<String, Integer> maxConcurrencyByConnection,
            int maxInFlight,
            MeterRegistry registry,
            Clock clock) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.task = Objects.requireNonNull(task, "task");
        this.maxConcurrencyByConnection = Objects.requireNonNull(maxConcurrencyByConnection, "lookup");
        this.maxInFlight = maxInFlight;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inFlightPermits = new Semaphore(maxInFlight);
        for (SkipReason reason : SkipReason.values()) {
            AtomicLong count = new AtomicLong();
            skipped.put(reason, count);
            FunctionCounter.builder(SKIPPED_METRIC, count, AtomicLong::get)
                    .description("Due probe runs that were not started")
                    .tag("reason", reason.label())
                    .register(registry);
        }
        Gauge.builder(IN_FLIGHT_METRIC, inFlight, AtomicInteger::get)
                .description("Probe runs executing or waiting for a connection permit")
                .register(registry);
        this.lag = Timer.builder(LAG_METRIC)
                .description("Probe run start minus its scheduled time")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /**
     * Starts a run of {@code probe} on a new virtual thread, unless it is skipped. Never blocks.
     *
     * @return true if the run was started, false if it was skipped (and counted)
     */
    public boolean dispatch(ProbeDefinition probe, Instant scheduledAt) {
        if (!accepting) {
            return skip(probe.id(), SkipReason.STOPPED);
        }
        if (!runningProbes.add(probe.id())) {
            return skip(probe.id(), SkipReason.OVERLAP);
        }
        if (!inFlightPermits.tryAcquire()) {
            runningProbes.remove(probe.id());
            return skip(probe.id(), SkipReason.SATURATED);
        }
        inFlight.incrementAndGet();
        Thread thread = null;
        try {
            thread = threads.newThread(() -> execute(probe, scheduledAt));
            runThreads.add(thread);
            thread.start();
        } catch (RuntimeException | Error e) {
            finished(probe.id(), thread);
            throw e;
        }
        return true;
    }

    /** Counts a due run the scheduler itself decided not to dispatch (see {@link SkipReason#BEHIND}). */
    public void recordSkip(String probeId, SkipReason reason) {
        skip(probeId, reason);
    }

    /**
     * Counts {@code count} due runs of one probe the scheduler decided not to dispatch at once (a timer
     * that woke long after several fire times of a short interval); nothing if {@code count < 1}.
     */
    public void recordSkips(String probeId, SkipReason reason, long count) {
        if (count > 0) {
            skipped.get(reason).addAndGet(count);
            log.debug("probe {}: {} runs skipped ({})", probeId, count, reason.label());
        }
    }

    private boolean skip(String probeId, SkipReason reason) {
        skipped.get(reason).incrementAndGet();
        log.debug("probe {}: run skipped ({})", probeId, reason.label());
        return false;
    }

    private void execute(ProbeDefinition probe, Instant scheduledAt) {
        try {
            Semaphore gate = gateFor(Objects.requireNonNullElse(probe.connection(), ""));
            gate.acquire();
            try {
                Duration late = Duration.between(scheduledAt, clock.instant());
                lag.record(late.isNegative() ? Duration.ZERO : late);
                task.run(probe, scheduledAt);
            } finally {
                gate.release();
            }
        } catch (InterruptedException e) {
            log.info("probe {}: run interrupted by shutdown", probe.id());
        } catch (RuntimeException e) {
            log.warn("probe {}: run failed with an unexpected exception", probe.id(), e);
        } finally {
            finished(probe.id(), Thread.currentThread());
        }
    }

    private void finished(String probeId, Thread thread) {
        if (thread != null) {
            runThreads.remove(thread);
        }
        runningProbes.remove(probeId);
        inFlight.decrementAndGet();
        inFlightPermits.release();
    }

    private Semaphore gateFor(String connectionId) {
        Integer configured = maxConcurrencyByConnection.apply(connectionId);
        int limit = configured == null || configured < 1 ? ConnectionDefinition.DEFAULT_MAX_CONCURRENCY : configured;
        ConnectionGate gate = gates.get(connectionId);
        if (gate == null || gate.limit() != limit) {
            gate = gates.compute(
                    connectionId,
                    (id, old) -> old != null && old.limit() == limit
                            ? old
                            : new ConnectionGate(limit, new Semaphore(limit, true)));
        }
        return gate.permits();
    }

    /**
     * Stops accepting runs (later dispatches are skipped as {@link SkipReason#STOPPED}) and waits up to
     * {@code timeout} for runs in flight to finish. Runs still in flight then are interrupted.
     *
     * @return true if every run finished within the timeout
     */
    public boolean shutdown(Duration timeout) {
        synchronized (shutdownLock) {
            accepting = false;
            if (drained) {
                return true;
            }
            try {
                drained = inFlightPermits.tryAcquire(maxInFlight, timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!drained) {
                log.warn("{} probe runs still in flight after {}; interrupting them", inFlight.get(), timeout);
                runThreads.forEach(Thread::interrupt);
            }
            return drained;
        }
    }

    /** False once {@link #shutdown} was called. */
    public boolean isAccepting() {
        return accepting;
    }

    /** Runs executing or waiting for a connection permit. */
    public int inFlight() {
        return inFlight.get();
    }

    public long skippedOverlap() {
        return skipped(SkipReason.OVERLAP);
    }

    public long skipped(SkipReason reason) {
        return skipped.get(reason).get();
    }
}
