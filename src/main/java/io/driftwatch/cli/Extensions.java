package io.driftwatch.cli;

import io.driftwatch.http.AuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckFactory;
import io.driftwatch.probe.checks.TotalsCheck;
import io.driftwatch.vendor.FileTokenStore;
import io.driftwatch.vendor.TokenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit list of capabilities beyond the built-in checks: schema and latency drift against
 * baselines/, and payload totals. One place to see what a run is made of.
 */
final class Extensions {
    private Extensions() {}

    /** One-shot commands keep rotated vendor tokens in files under data/tokens/. */
    static Engine engine(Settings settings, Clock clock, DriftwatchMetrics metrics, AuditLog audit) {
        return engine(
                settings,
                clock,
                metrics,
                audit,
                new FileTokenStore(settings.dataDir().resolve("tokens")));
    }

    static Engine engine(Settings settings, Clock clock, DriftwatchMetrics metrics, AuditLog audit, TokenStore tokens) {
        return engine(settings, clock, metrics, audit, tokens, new DriftParts(settings));
    }

    /** @param drift schema and latency drift against baselines/; the daemon keeps it to bind the drift gauges */
    static Engine engine(
            Settings settings,
            Clock clock,
            DriftwatchMetrics metrics,
            AuditLog audit,
            TokenStore tokens,
            DriftParts drift) {
        List<CheckFactory> checks = new ArrayList<>();
        checks.add(drift.checks());
        // Totals feed the reconcile gauges (as <probe id>/<rule>), which the engine owns; checks are built
        // on a probe's first run, after the engine exists.
        var engine = new java.util.concurrent.atomic.AtomicReference<Engine>();
        checks.add(probe -> {
            List<Check> totals = new ArrayList<>();
            for (int i = 0; i < probe.expect().totals().size(); i++) {
                totals.add(new TotalsCheck(
                        i,
                        probe.expect().totals().get(i),
                        engine.get().reconcileStats(),
                        io.driftwatch.reconcile.TotalsFindings.DEFAULT_CAP));
            }
            return totals;
        });
        engine.set(new Engine(settings, clock, metrics, audit, checks, tokens));
        return engine.get();
    }
}
