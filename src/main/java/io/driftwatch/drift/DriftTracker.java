package io.driftwatch.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per probe, since when each change (kind + path) has been seen and for how many
 * consecutive runs; a change absent from a run is forgotten (it resolved). Also keeps the latest
 * run's finding counts for the {@code driftwatch_drift_findings} gauge: a probe+kind+severity seen
 * once stays listed with 0 afterwards so the series drops to zero instead of vanishing. In memory
 * only: a restart starts the streaks again. Thread-safe.
 */
public final class DriftTracker {
    private record Key(DriftKind kind, String path) {}

    private record Seen(Instant firstSeen, int runs) {}

    private final ConcurrentHashMap<String, Map<Key, Seen>> streaks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, Integer>> counts = new ConcurrentHashMap<>();

    /** Records one run's changes and returns them with their history. */
    public List<TrackedChange> update(String probeId, List<DriftChange> changes, Instant now) {
        List<TrackedChange> out = new ArrayList<>(changes.size());
        streaks.compute(probeId, (id, previous) -> {
            Map<Key, Seen> next = new HashMap<>();
            for (DriftChange c : changes) {
                Key key = new Key(c.kind(), c.path());
                Seen seen = next.get(key);
                if (seen == null) {
                    Seen before = previous == null ? null : previous.get(key);
                    seen = before == null ? new Seen(now, 1) : new Seen(before.firstSeen(), before.runs() + 1);
                    next.put(key, seen);
                }
                out.add(new TrackedChange(c, seen.firstSeen(), seen.runs()));
            }
            return next;
        });
        counts.compute(probeId, (id, previous) -> {
            Map<String, Integer> next = new TreeMap<>();
            if (previous != null) previous.keySet().forEach(k -> next.put(k, 0));
            for (DriftChange c : changes)
                next.merge(c.kind().label() + "\u0000" + c.severity().label(), 1, Integer::sum);
            return next;
        });
        return out;
    }

    /** Forgets a probe (deleted from config). */
    public void forget(String probeId) {
        streaks.remove(probeId);
        counts.remove(probeId);
    }

    /** The current value of every {@code driftwatch_drift_findings} series, sorted. */
    public List<DriftCount> counts() {
        List<DriftCount> out = new ArrayList<>();
        new TreeMap<>(counts)
                .forEach((probe, byKind) -> byKind.forEach((key, n) -> {
                    int split = key.indexOf('\u0000');
                    out.add(new DriftCount(probe, key.substring(0, split), key.substring(split + 1), n));
                }));
        return out;
    }
}
