package io.driftwatch.cli;

import io.driftwatch.reconcile.MismatchKind;
import io.driftwatch.reconcile.ReconcileStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reconciliation gauges, registered the first time a check reports and read from {@link ReconcileStats}
 * at scrape time: {@code driftwatch_reconcile_delta{check}} (largest absolute discrepancy of the latest
 * evaluation, in currency units) and {@code driftwatch_reconcile_mismatches{check,kind}} (one series per
 * {@link MismatchKind}). {@code check} is a probe id from configuration, so series are bounded; a deleted
 * probe's series are removed.
 */
final class ReconcileGauges {
    private final MeterRegistry registry;
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();
    private final ReconcileStats stats;

    ReconcileGauges(MeterRegistry registry) {
        this.registry = registry;
        this.stats = new ReconcileStats(this::register);
    }

    ReconcileStats stats() {
        return stats;
    }

    private void register(String check) {
        meters.computeIfAbsent(check, c -> {
            List<Meter> list = new ArrayList<>();
            list.add(Gauge.builder("driftwatch.reconcile.delta", stats, s -> s.largestDelta(c))
                    .description("Largest absolute discrepancy of the check's latest reconciliation, in currency units")
                    .tag("check", c)
                    .register(registry));
            for (MismatchKind kind : MismatchKind.values()) {
                list.add(Gauge.builder("driftwatch.reconcile.mismatches", stats, s -> s.mismatches(c, kind))
                        .description("Problems of each kind in the check's latest reconciliation")
                        .tags("check", c, "kind", kind.label())
                        .register(registry));
            }
            return list;
        });
    }

    /** Removes the series of a deleted probe: its own, and its totals rules' ({@code <probe id>/<rule>}). */
    void remove(String probeId) {
        for (String check : List.copyOf(meters.keySet())) {
            if (!check.equals(probeId) && !check.startsWith(probeId + "/")) continue;
            List<Meter> list = meters.remove(check);
            if (list != null) list.forEach(registry::remove);
            stats.forget(check);
        }
    }
}
