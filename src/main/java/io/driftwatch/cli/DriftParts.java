package io.driftwatch.cli;

import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.SchemaFiles;
import io.driftwatch.config.ActiveConfig;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.drift.DriftFindings;
import io.driftwatch.drift.DriftMetrics;
import io.driftwatch.drift.DriftTracker;
import io.driftwatch.drift.TrackedChange;
import io.driftwatch.finding.Finding;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckFactory;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.ProbeResultListener;
import io.driftwatch.probe.checks.LatencyDriftCheck;
import io.driftwatch.probe.checks.SchemaDriftCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Drift against baselines/, as one unit: the schema and latency drift checks (one instance each: they
 * cache compiled baselines and keep per-probe windows across runs), the tracker they share, and the
 * drift gauges. The daemon binds the gauges and tells it which probes were removed.
 */
final class DriftParts {
    private final BaselineStore baselines;
    private final DriftTracker tracker = new DriftTracker();
    private final SchemaDriftCheck schemaDrift;
    private final LatencyDriftCheck latencyDrift;
    private volatile DriftMetrics metrics;

    /** The baselines the drift checks read (cached by file time), for other readers in the daemon. */
    BaselineStore baselines() {
        return baselines;
    }

    DriftParts(Settings settings) {
        this.baselines = new BaselineStore(settings.baselinesDir());
        // The validator runs only where it can add a finding: 1 MB page 11.6 -> 1.8 ms (docs/benchmarks/drift.md).
        this.schemaDrift = new SchemaDriftCheck(
                baselines,
                new SchemaFiles(),
                tracker,
                SchemaDriftCheck::settingsOf,
                io.driftwatch.drift.DriftDetector.Validation.WHEN_NEEDED);
        this.latencyDrift = new LatencyDriftCheck(baselines, tracker, LatencyDriftCheck::settingsOf);
    }

    /** Schema drift for probes with {@code expect.schema}; latency drift for those and probes with {@code expect.latency.drift}. */
    CheckFactory checks() {
        return probe -> {
            List<Check> checks = new ArrayList<>(2);
            boolean schema = probe.expect().schema() != null;
            if (schema) checks.add(schemaDrift);
            if (schema || latencyDriftConfigured(probe)) checks.add(latencyDrift);
            return checks;
        };
    }

    private static boolean latencyDriftConfigured(ProbeDefinition probe) {
        return probe.expect().latency() != null && probe.expect().latency().drift() != null;
    }

    /** Registers the drift gauges and keeps them current after every run of the engine. */
    void bindMetrics(Engine engine, MeterRegistry registry, Clock clock) {
        DriftMetrics m = new DriftMetrics(registry, tracker, clock);
        metrics = m;
        ProbeResultListener listener = (probe, result) -> {
            // A run still in flight when its probe was deleted must not bring its series back.
            if (engine.active().probes().containsKey(probe.id()) && usesDrift(probe))
                m.update(probe.id(), baseline(probe));
        };
        engine.runner().addListener(listener);
    }

    /**
     * Continues drift history across a restart: each probe's open schema drift, as its last stored run
     * reported it, seeds the tracker (first seen, runs, the gauge). Latency windows start empty.
     */
    void restore(Collection<ProbeResult> latest) {
        for (ProbeResult r : latest) {
            List<TrackedChange> open = new ArrayList<>();
            for (Finding f : r.findings()) DriftFindings.parse(f).ifPresent(open::add);
            tracker.restore(r.probeId(), open);
        }
    }

    /** After a reload: forgets removed probes (state and series) and shows baseline age for the active ones. */
    void reloaded(ActiveConfig.Change change, ActiveConfig active) {
        for (String id : change.removed()) {
            schemaDrift.forget(id);
            latencyDrift.forget(id);
            DriftMetrics m = metrics;
            if (m != null) m.forget(id);
        }
        DriftMetrics m = metrics;
        if (m == null) return;
        for (ProbeDefinition p : active.probes().values()) {
            if (usesDrift(p)) m.update(p.id(), baseline(p));
            else m.forget(p.id()); // its expect.schema was removed
        }
    }

    private static boolean usesDrift(ProbeDefinition p) {
        return p.expect().schema() != null || latencyDriftConfigured(p);
    }

    /** The probe's recorded baseline, or null when there is none or it is unreadable (the check reports that). */
    private Baseline baseline(ProbeDefinition probe) {
        try {
            return baselines.read(probe.id()).orElse(null);
        } catch (IOException | BaselineFormatException e) {
            return null;
        }
    }
}
