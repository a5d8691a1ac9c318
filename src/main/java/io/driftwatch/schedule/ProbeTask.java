package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import java.time.Instant;

/**
 * One run of one probe, executed by {@link RunDispatcher} on its own virtual thread.
 *
 * <p>Blocking is expected (HTTP exchange, store writes). Implementations should handle their own
 * failures; anything thrown is logged by the dispatcher and the run counts as finished. An interrupt
 * means the daemon is shutting down and the run was not finished within the shutdown timeout.
 */
@FunctionalInterface
public interface ProbeTask {

    /**
     * Runs the probe once, blocking until the run is finished and recorded.
     *
     * @param probe the current definition of the probe (the latest one scheduled)
     * @param scheduledAt when the trigger was due, not when the run started: a run may start later
     *     (queued behind its connection's concurrency limit, or a slow scheduler)
     */
    void run(ProbeDefinition probe, Instant scheduledAt) throws InterruptedException;
}
