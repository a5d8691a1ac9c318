package io.driftwatch.store;

/**
 * A run ready to write: its stored form plus the findings already encoded, so the JSON work happens
 * on the caller's thread (the probe's virtual thread) and not on the single writer thread.
 */
record PendingRun(StoredRun run, String findingsJson) {

    static PendingRun of(StoredRun run) {
        return new PendingRun(run, FindingsJson.encode(run.findings()));
    }
}
