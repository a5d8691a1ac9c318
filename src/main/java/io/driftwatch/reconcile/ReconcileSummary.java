package io.driftwatch.reconcile;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The metric-sized view of one evaluation.
 *
 * @param largestAbsDelta the largest |delta| among every pair of amounts compared (within tolerance or
 *     not), in currency units; zero when nothing was compared
 * @param mismatches how many problems of each kind (kinds with none are absent)
 */
public record ReconcileSummary(BigDecimal largestAbsDelta, Map<MismatchKind, Integer> mismatches) {

    public static final ReconcileSummary EMPTY = new ReconcileSummary(BigDecimal.ZERO, Map.of());

    public ReconcileSummary {
        EnumMap<MismatchKind, Integer> copy = new EnumMap<>(MismatchKind.class);
        mismatches.forEach((k, v) -> {
            if (v > 0) copy.put(k, v);
        });
        mismatches = Collections.unmodifiableMap(copy);
    }

    public int count(MismatchKind kind) {
        return mismatches.getOrDefault(kind, 0);
    }

    public int total() {
        return mismatches.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Combines several evaluations of one check (several rules, or before and after). */
    public ReconcileSummary merge(ReconcileSummary other) {
        EnumMap<MismatchKind, Integer> sum = new EnumMap<>(MismatchKind.class);
        sum.putAll(mismatches);
        other.mismatches.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return new ReconcileSummary(largestAbsDelta.max(other.largestAbsDelta), sum);
    }
}
