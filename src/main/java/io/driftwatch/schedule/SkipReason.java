package io.driftwatch.schedule;

import java.util.Locale;

/**
 * Why a due run was not started. The lower-case name is the {@code reason} label of {@code
 * driftwatch_probe_runs_skipped_total}; the set is closed so the label stays bounded.
 */
public enum SkipReason {
    /** The previous run of the same probe was still in flight. */
    OVERLAP,
    /** The global in-flight cap was reached (protects memory when a vendor hangs). */
    SATURATED,
    /**
     * The scheduler fell behind (pause, GC, laptop sleep, standby): of the fire times missed meanwhile
     * at most one runs late, the others count here, so a probe never runs more than about once per
     * interval.
     */
    BEHIND,
    /** The dispatcher was shutting down. */
    STOPPED;

    /** The metric label value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
