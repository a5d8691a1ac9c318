package io.driftwatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The target's {@code /slow} records indexed by probe id, to find the request a tool's run made: the one of
 * that probe whose arrival is nearest to the run's start (a probe fires once per interval, so within half an
 * interval there is only one).
 */
final class TargetHolds {
    /** Per probe id: arrivals (epoch microseconds, ascending) and the hold of each, in the same order. */
    private final Map<String, long[][]> byProbe = new HashMap<>();

    TargetHolds(Collection<LoopbackTarget.SlowHold> holds) {
        Map<String, List<LoopbackTarget.SlowHold>> grouped = new HashMap<>();
        for (LoopbackTarget.SlowHold h : holds) {
            grouped.computeIfAbsent(h.probeId(), k -> new ArrayList<>()).add(h);
        }
        grouped.forEach((probe, list) -> {
            list.sort((a, b) -> Long.compare(a.arrivalEpochMicros(), b.arrivalEpochMicros()));
            long[] arrivals = new long[list.size()];
            long[] holdNanos = new long[list.size()];
            for (int i = 0; i < arrivals.length; i++) {
                arrivals[i] = list.get(i).arrivalEpochMicros();
                holdNanos[i] = list.get(i).holdNanos();
            }
            byProbe.put(probe, new long[][] {arrivals, holdNanos});
        });
    }

    /**
     * The hold in milliseconds of {@code probeId}'s request that arrived nearest to {@code startEpochMicros},
     * empty when the target has no record of that probe within {@code maxDistanceMicros}.
     */
    OptionalDouble holdMillisNear(String probeId, long startEpochMicros, long maxDistanceMicros) {
        long[][] entry = byProbe.get(probeId);
        if (entry == null) return OptionalDouble.empty();
        long[] arrivals = entry[0];
        int i = Arrays.binarySearch(arrivals, startEpochMicros);
        if (i < 0) i = -i - 1; // first arrival after the start
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int j = Math.max(0, i - 1); j <= Math.min(arrivals.length - 1, i); j++) {
            long d = Math.abs(arrivals[j] - startEpochMicros);
            if (d < bestDistance) {
                bestDistance = d;
                best = j;
            }
        }
        if (best < 0 || bestDistance > maxDistanceMicros) return OptionalDouble.empty();
        return OptionalDouble.of(entry[1][best] / 1e6);
    }
}
