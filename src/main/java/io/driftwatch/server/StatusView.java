package io.driftwatch.server;

import java.time.Instant;
import java.util.List;

/**
 * What the status page shows: one row per loaded probe. Built by the daemon from its result board,
 * alert states and baselines; every text in it is already redacted.
 *
 * @param now when the view was taken (for "12 s ago")
 * @param openAlerts open alerts of all probes (including configuration alerts that belong to no probe)
 * @param alertsAvailable false when the alert store could not be read; the page then says so
 */
public record StatusView(Instant now, List<Row> rows, int openAlerts, boolean alertsAvailable) {

    public StatusView {
        rows = List.copyOf(rows);
    }

    /** A probe's state on the page: the outcome of its last run, or pending before the first. */
    public enum State {
        FAIL,
        DEGRADED,
        PENDING,
        PASS;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param lastRun start of the last run, or null before the first
     * @param latencyMillis total time of the last run's HTTP call, or null when nothing answered
     * @param baselineP95Millis the baseline's p95 latency, or null without a baseline
     * @param problem the first failing (else warning) finding's message, or null
     */
    public record Row(
            String id,
            String description,
            String connection,
            State state,
            Instant lastRun,
            Double latencyMillis,
            Double baselineP95Millis,
            int openAlerts,
            String problem) {}
}
