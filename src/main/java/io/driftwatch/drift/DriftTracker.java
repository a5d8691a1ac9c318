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
 * once stays listed with 0 afterwards so the series drops to zero instead of vanishing. Latency drift
 * ({@link #updateLatency}) is counted beside them as kind {@code latency-drift}. In memory
 * only; after a restart the daemon restores open changes from the last stored runs ({@link #restore}).
 * Thread-safe.
 */
public final class DriftTracker {
    private record Key(DriftKind kind, String path) {}

    private record Seen(Instant firstSeen, int runs) {}

    /** The {@code kind} label latency drift is counted under, beside the schema drift kinds. */
    public static final String LATENCY_KIND = "latency-drift";

    private static final String LATENCY_PREFIX = LATENCY_KIND + "\u0000";

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
            if (previous != null) previous.forEach((k, n) -> next.put(k, k.startsWith(LATENCY_PREFIX) ? n : 0));
            for (DriftChange c : changes) next.merge(key(c.kind().label(), c.severity()), 1, Integer::sum);
            return next;
        });
        return out;
    }

    /**
     * Records whether the probe's latency window drifts now (counted as kind {@code latency-drift}).
     *
     * @param drifting the finding's severity, or null when the window is not drifting
     */
    public void updateLatency(String probeId, Severity drifting) {
        counts.compute(probeId, (id, previous) -> {
            Map<String, Integer> next = new TreeMap<>();
            if (previous != null) previous.forEach((k, n) -> next.put(k, k.startsWith(LATENCY_PREFIX) ? 0 : n));
            if (drifting != null) next.put(key(LATENCY_KIND, drifting), 1);
            return next;
        });
    }

    private static String key(String kind, Severity severity) {
        return kind + "\u0000" + severity.label();
    }

    /**
     * Restores a probe's open changes as its last stored run reported them (after a restart), so the
     * next run showing the same kind at the same path continues the streak (first seen, runs) and the
     * gauge shows them before the first run. Does nothing when the probe already has history here.
     */
    public void restore(String probeId, List<TrackedChange> open) {
        if (open.isEmpty()) return;
        streaks.computeIfAbsent(probeId, id -> {
            Map<Key, Seen> restored = new HashMap<>();
            for (TrackedChange t : open)
                restored.put(new Key(t.change().kind(), t.change().path()), new Seen(t.firstSeen(), t.runs()));
            counts.computeIfAbsent(probeId, x -> {
                Map<String, Integer> n = new TreeMap<>();
                for (TrackedChange t : open)
                    n.merge(key(t.change().kind().label(), t.change().severity()), 1, Integer::sum);
                return n;
            });
            return restored;
        });
    }

    /** Forgets a probe (deleted from config). */
    public void forget(String probeId) {
        streaks.remove(probeId);
        counts.remove(probeId);
    }

    /** The current values of one probe's {@code driftwatch_drift_findings} series, sorted; empty when none. */
    public List<DriftCount> counts(String probeId) {
        Map<String, Integer> byKind = counts.get(probeId);
        if (byKind == null) return List.of();
        List<DriftCount> out = new ArrayList<>();
        new TreeMap<>(byKind).forEach((key, n) -> {
            int split = key.indexOf('\u0000');
            out.add(new DriftCount(probeId, key.substring(0, split), key.substring(split + 1), n));
        });
        return out;
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
