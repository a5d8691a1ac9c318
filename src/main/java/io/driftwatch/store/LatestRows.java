package io.driftwatch.store;

import io.driftwatch.finding.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which of the {@link RunWriter}'s runs also rewrite their probe's {@code probe_latest} row.
 *
 * <p>That row is read only when a daemon starts (each probe's last result, shown until its first run),
 * yet upserting it for every run cost about a third of the store's CPU at 1,000 runs/s (docs/BENCHMARKS.md):
 * each upsert rewrites a random page of the table and of its index. So a run rewrites the row at once
 * only when it says something new:
 *
 * <ul>
 *   <li>the probe has no row written by this writer yet;
 *   <li>its outcome, failure kind or HTTP status differs from the row last written;
 *   <li>or the row last written is {@link #REFRESH} old or older.
 * </ul>
 *
 * Otherwise the run is held back (replacing an earlier held run of the probe) and written by the
 * writer's next {@link RunWriter#flush() flush} or its close. Hence: after a clean stop the row is the
 * newest run; after a crash it may be up to {@link #REFRESH} older than the newest run, with the same
 * outcome, failure kind and status. Not thread-safe: only the writer thread uses it.
 */
final class LatestRows {
    static final Duration REFRESH = Duration.ofSeconds(60);

    private record Written(Outcome outcome, String failureKind, Integer httpStatus, Instant at) {}

    private final Clock clock;
    private final Map<String, Written> written = new HashMap<>();
    private final Map<String, PendingRun> held = new HashMap<>();

    LatestRows(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The batch, in order, with every run still marked for {@code probe_latest} unless it is held back
     * (not the newest of its probe in the batch, or nothing new). Changes nothing: call {@link
     * #committed} once the marked batch is written.
     */
    List<PendingRun> mark(List<PendingRun> batch) {
        Map<String, PendingRun> newest = PendingRun.newestPerProbe(batch);
        Instant now = clock.instant();
        List<PendingRun> marked = new ArrayList<>(batch.size());
        for (PendingRun run : batch) {
            boolean keep = run.latest() && newest.get(run.run().probeId()) == run && isNews(run.run(), now);
            marked.add(keep || !run.latest() ? run : run.historyOnly());
        }
        return marked;
    }

    /**
     * Records a written batch from {@link #mark}: rows written become the reference; the newest run of a
     * probe that was held back waits for {@link #takeHeld}.
     */
    void committed(List<PendingRun> original, List<PendingRun> marked) {
        Instant now = clock.instant();
        for (int i = 0; i < marked.size(); i++) {
            PendingRun run = marked.get(i);
            String probe = run.run().probeId();
            if (run.latest()) {
                written.put(
                        probe,
                        new Written(
                                run.run().outcome(),
                                run.run().failureKind(),
                                run.run().httpStatus(),
                                now));
                held.remove(probe);
            } else if (original.get(i).latest()) {
                PendingRun before = held.get(probe);
                if (before == null
                        || !run.run().startedAt().isBefore(before.run().startedAt())) {
                    held.put(probe, run.latestOnly());
                }
            }
        }
    }

    /** The held-back runs, marked for {@code probe_latest} only; none are held after this call. */
    List<PendingRun> takeHeld() {
        List<PendingRun> out = new ArrayList<>(held.values());
        held.clear();
        return out;
    }

    /** Writing {@link #takeHeld} succeeded: they become the reference rows. */
    void heldWritten(List<PendingRun> rows) {
        Instant now = clock.instant();
        for (PendingRun run : rows) {
            written.put(
                    run.run().probeId(),
                    new Written(
                            run.run().outcome(),
                            run.run().failureKind(),
                            run.run().httpStatus(),
                            now));
        }
    }

    /** Writing {@link #takeHeld} failed: hold them again (unless a newer run is held meanwhile). */
    void heldFailed(List<PendingRun> rows) {
        for (PendingRun run : rows) held.putIfAbsent(run.run().probeId(), run);
    }

    /** Runs held back now. */
    int held() {
        return held.size();
    }

    private boolean isNews(StoredRun run, Instant now) {
        Written last = written.get(run.probeId());
        return last == null
                || !Objects.equals(last.outcome(), run.outcome())
                || !Objects.equals(last.failureKind(), run.failureKind())
                || !Objects.equals(last.httpStatus(), run.httpStatus())
                || !now.isBefore(last.at().plus(REFRESH));
    }
}
