package io.driftwatch.reconcile;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The latest reconciliation numbers per check, for the metrics layer to expose as gauges:
 * {@code driftwatch_reconcile_delta{check}} = {@link #largestDelta(String)} and
 * {@code driftwatch_reconcile_mismatches{check,kind}} = {@link #mismatches(String, MismatchKind)} for
 * every {@link MismatchKind}. Values are those of the check's most recent evaluation (gauges, not
 * counters). Check names come from configuration (probe and reconcile ids), so the label set is
 * bounded. Thread-safe.
 */
public final class ReconcileStats {

    /** Records nothing; for callers without metrics (CLI one-shot runs, tests). */
    public static final ReconcileStats NONE = new ReconcileStats(check -> {}, false);

    private final Map<String, ReconcileSummary> latest = new ConcurrentHashMap<>();
    private final Consumer<String> onNewCheck;
    private final boolean enabled;

    /**
     * Creates an empty set of gauges.
     *
     * @param onNewCheck called once per check name the first time it is recorded (register gauges there)
     */
    public ReconcileStats(Consumer<String> onNewCheck) {
        this(java.util.Objects.requireNonNull(onNewCheck, "onNewCheck"), true);
    }

    private ReconcileStats(Consumer<String> onNewCheck, boolean enabled) {
        this.onNewCheck = onNewCheck;
        this.enabled = enabled;
    }

    public void record(String check, ReconcileSummary summary) {
        if (!enabled) return;
        if (latest.put(check, summary) == null) onNewCheck.accept(check);
    }

    /** Drops a check (its probe was deleted); a later record announces it again. */
    public void forget(String check) {
        latest.remove(check);
    }

    /** Largest absolute discrepancy of the latest evaluation in currency units; 0 before the first. */
    public double largestDelta(String check) {
        // Gauges are doubles by Prometheus definition; the money math stayed in BigDecimal.
        return largestDeltaExact(check).doubleValue();
    }

    public BigDecimal largestDeltaExact(String check) {
        return latest.getOrDefault(check, ReconcileSummary.EMPTY).largestAbsDelta();
    }

    public int mismatches(String check, MismatchKind kind) {
        return latest.getOrDefault(check, ReconcileSummary.EMPTY).count(kind);
    }

    public Set<String> checks() {
        return Set.copyOf(latest.keySet());
    }
}
