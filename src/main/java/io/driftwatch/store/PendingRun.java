package io.driftwatch.store;

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
}
