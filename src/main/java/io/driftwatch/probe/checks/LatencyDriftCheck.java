package io.driftwatch.probe.checks;

import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.LatencyStats;
import io.driftwatch.config.LatencyDriftExpectation;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.drift.DriftTracker;
import io.driftwatch.drift.LatencyDrift;
import io.driftwatch.drift.LatencyDriftSettings;
import io.driftwatch.drift.Severity;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Latency drift: a rolling window of the probe's recent total latencies against its baseline p95 (see
 * {@link LatencyDrift} for the rule), configured by {@code expect.latency.drift}. Applies to probes that
 * have a recorded baseline with latency statistics; failed runs (no response) do not enter the window.
 * Time windows are measured with the run's clock ({@link CheckContext#clock()}).
 *
 * <p>State: one window per probe, in memory, kept by this instance; thread-safe. Whether a probe
 * drifts now is reported to the {@link DriftTracker} for {@code driftwatch_drift_findings}.
 */
public final class LatencyDriftCheck implements Check {
    public static final String NAME = "latency-drift";

    private final BaselineStore store;
    private final LatencyDrift windows = new LatencyDrift();
    private final DriftTracker tracker;
    private final Function<ProbeDefinition, LatencyDriftSettings> settings;

    public LatencyDriftCheck(
            BaselineStore store, DriftTracker tracker, Function<ProbeDefinition, LatencyDriftSettings> settings) {
        this.store = store;
        this.tracker = tracker;
        this.settings = settings;
    }

    public LatencyDriftCheck(BaselineStore store, Function<ProbeDefinition, LatencyDriftSettings> settings) {
        this(store, new DriftTracker(), settings);
    }

    public LatencyDriftCheck(BaselineStore store) {
        this(store, LatencyDriftCheck::settingsOf);
    }

    /** The probe's {@code expect.latency.drift}, each absent key at its default (20 runs, 1.5, warning). */
    public static LatencyDriftSettings settingsOf(ProbeDefinition probe) {
        LatencyDriftExpectation e = probe.expect() == null || probe.expect().latency() == null
                ? null
                : probe.expect().latency().drift();
        if (e == null) return LatencyDriftSettings.DEFAULT;
        LatencyDriftSettings d = LatencyDriftSettings.DEFAULT;
        double ratio = e.ratio() != null ? e.ratio() : d.ratio();
        Severity severity = e.severity() != null ? Severity.fromLabel(e.severity()) : d.severity();
        if (severity == null) severity = d.severity();
        if (e.period() != null) return LatencyDriftSettings.over(e.period(), ratio, severity);
        return new LatencyDriftSettings(e.runs() != null ? e.runs() : d.runs(), ratio, severity);
    }

    @Override
    public String name() {
        return NAME;
    }

    public void forget(String probeId) {
        windows.forget(probeId);
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (!context.exchange().responded()) return List.of();
        ProbeDefinition probe = context.probe();
        long baselineP95 = 0;
        try {
            Optional<Baseline> baseline = store.read(probe.id());
            if (baseline.isPresent() && baseline.get().latency() != null) {
                baselineP95 = baseline.get().latency().p95Nanos();
            }
        } catch (IOException | BaselineFormatException e) {
            baselineP95 = 0; // the schema drift check reports an unusable baseline once
        }
        LatencyDriftSettings s = settings.apply(probe);
        Optional<LatencyDrift.Drift> drift = windows.observe(
                probe.id(), context.clock().instant(), context.exchange().totalNanos(), baselineP95, s);
        tracker.updateLatency(probe.id(), drift.isPresent() ? s.severity() : null);
        if (drift.isEmpty()) return List.of();
        LatencyDrift.Drift d = drift.get();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("drift", "latency-p95");
        evidence.put("severity", s.severity().label());
        evidence.put("windowP95Ms", LatencyStats.millis(d.windowP95Nanos()).toPlainString());
        evidence.put("baselineP95Ms", LatencyStats.millis(d.baselineP95Nanos()).toPlainString());
        evidence.put("ratio", String.valueOf(d.ratio()));
        evidence.put("window", String.valueOf(d.window()));
        if (s.timed()) evidence.put("windowPeriod", String.valueOf(s.period()));
        evidence.put("runsAboveThreshold", String.valueOf(d.runsAbove()));
        evidence.put("firstSeen", d.firstSeen().toString());
        evidence.put("runs", String.valueOf(d.streak()));
        evidence.put("baselineFile", store.file(probe.id()).toString());
        return List.of(new Finding(NAME, FindingKind.LATENCY_DRIFT, s.severity().level(), d.message(), evidence));
    }
}
