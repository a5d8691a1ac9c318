package io.driftwatch.store;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run ready to write: its stored form plus the findings already encoded, so the JSON work happens
 * on the caller's thread (the probe's virtual thread) and not on the single writer thread.
 *
 * @param history insert the run into {@code probe_run}
 * @param latest also make it the probe's {@code probe_latest} row (if it is the newest of its probe in
 *     the write)
 */
record PendingRun(StoredRun run, String findingsJson, boolean history, boolean latest) {

    /** A run for both tables: what {@link RunStore#saveAll} and a newly submitted run start as. */
    static PendingRun of(StoredRun run) {
        return new PendingRun(run, FindingsJson.encode(run.findings()), true, true);
    }

    PendingRun historyOnly() {
        return new PendingRun(run, findingsJson, true, false);
    }

    PendingRun latestOnly() {
        return new PendingRun(run, findingsJson, false, true);
    }

    /**
     * The newest run (by start time) of each probe among the runs marked {@link #latest()}, by probe id
     * in ascending order, so concurrent writers lock {@code probe_latest} rows in one order.
     */
    static SortedMap<String, PendingRun> newestPerProbe(List<PendingRun> runs) {
        SortedMap<String, PendingRun> newest = new TreeMap<>();
        for (PendingRun run : runs) {
            if (!run.latest()) continue;
            newest.merge(
                    run.run().probeId(),
                    run,
                    (old, candidate) ->
                            candidate.run().startedAt().isBefore(old.run().startedAt()) ? old : candidate);
        }
        return newest;
    }
}
