package io.driftwatch.probe.checks;

import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.LatencyStats;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.drift.LatencyDrift;
import io.driftwatch.drift.LatencyDriftSettings;
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
 * {@link LatencyDrift} for the rule). Applies to probes that have a recorded baseline with latency
 * statistics; failed runs (no response) do not enter the window.
 *
 * <p>State: one window per probe, in memory, kept by this instance; thread-safe.
 */
public final class LatencyDriftCheck implements Check {
    public static final String NAME = "latency-drift";

    private final BaselineStore store;
    private final LatencyDrift windows = new LatencyDrift();
    private final Function<ProbeDefinition, LatencyDriftSettings> settings;

    public LatencyDriftCheck(BaselineStore store, Function<ProbeDefinition, LatencyDriftSettings> settings) {
        this.store = store;
        this.settings = settings;
    }

    public LatencyDriftCheck(BaselineStore store) {
        this(store, probe -> LatencyDriftSettings.DEFAULT);
    }

    @Override
    public String name() {
        return NAME;
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
        Optional<LatencyDrift.Drift> drift =
                windows.observe(probe.id(), context.exchange().totalNanos(), baselineP95, s);
        if (drift.isEmpty()) return List.of();
        LatencyDrift.Drift d = drift.get();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("drift", "latency-p95");
        evidence.put("severity", s.severity().label());
        evidence.put("windowP95Ms", LatencyStats.millis(d.windowP95Nanos()).toPlainString());
        evidence.put("baselineP95Ms", LatencyStats.millis(d.baselineP95Nanos()).toPlainString());
        evidence.put("ratio", String.valueOf(d.ratio()));
        evidence.put("window", String.valueOf(d.window()));
        evidence.put("runsAboveThreshold", String.valueOf(d.runsAbove()));
        evidence.put("baselineFile", store.file(probe.id()).toString());
        return List.of(new Finding(NAME, FindingKind.LATENCY_DRIFT, s.severity().level(), d.message(), evidence));
    }
}
