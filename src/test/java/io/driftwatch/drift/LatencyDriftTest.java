package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.LatencyStats;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.CheckContext;
import io.driftwatch.probe.checks.LatencyDriftCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyDriftTest {
    private static final long MS = 1_000_000;
    private static final LatencyDriftSettings DEFAULT = LatencyDriftSettings.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aSingleSpikeIsNeverDrift() {
        LatencyDrift drift = new LatencyDrift();
        for (int i = 0; i < 19; i++)
            assertThat(drift.observe("p", T0, 100 * MS, 100 * MS, DEFAULT)).isEmpty();
        assertThat(drift.observe("p", T0, 5_000 * MS, 100 * MS, DEFAULT)).isEmpty(); // full window, one spike
        for (int i = 0; i < 30; i++)
            assertThat(drift.observe("p", T0, 100 * MS, 100 * MS, DEFAULT)).isEmpty();
        // Even with a window of 2, one slow run is not enough.
        LatencyDriftSettings tiny = new LatencyDriftSettings(2, 1.5, Severity.WARNING);
        assertThat(drift.observe("q", T0, 100 * MS, 100 * MS, tiny)).isEmpty();
        assertThat(drift.observe("q", T0, 900 * MS, 100 * MS, tiny)).isEmpty();
    }

    @Test
    void aSlowWindowIsDriftOnlyOnceFull() {
        LatencyDrift drift = new LatencyDrift();
        for (int i = 0; i < 19; i++)
            assertThat(drift.observe("p", T0, 200 * MS, 100 * MS, DEFAULT)).isEmpty();
        Optional<LatencyDrift.Drift> d = drift.observe("p", T0, 210 * MS, 100 * MS, DEFAULT);
        assertThat(d).isPresent();
        assertThat(d.get().windowP95Nanos()).isEqualTo(200 * MS);
        assertThat(d.get().runsAbove()).isEqualTo(20);
        assertThat(d.get().message())
                .isEqualTo(
                        "latency-drift: p95 of the last 20 runs is 200.000 ms, 2.00x the baseline p95 of 100.000 ms (threshold 1.5x)");
    }

    @Test
    void exactlyAtTheRatioIsNotDriftAndNoBaselineMeansNoFinding() {
        LatencyDrift drift = new LatencyDrift();
        for (int i = 0; i < 25; i++)
            assertThat(drift.observe("p", T0, 150 * MS, 100 * MS, DEFAULT)).isEmpty();
        for (int i = 0; i < 25; i++)
            assertThat(drift.observe("r", T0, 900 * MS, 0, DEFAULT)).isEmpty();
    }

    @Test
    void recoveringRunsPushTheSlowOnesOut() {
        LatencyDrift drift = new LatencyDrift();
        for (int i = 0; i < 20; i++) drift.observe("p", T0, 400 * MS, 100 * MS, DEFAULT);
        assertThat(drift.observe("p", T0, 400 * MS, 100 * MS, DEFAULT)).isPresent();
        for (int i = 0; i < 18; i++) drift.observe("p", T0, 90 * MS, 100 * MS, DEFAULT);
        assertThat(drift.observe("p", T0, 90 * MS, 100 * MS, DEFAULT)).isEmpty(); // one slow run left in the window
    }

    @Test
    void checkUsesTheBaselineP95(@TempDir Path dir) throws Exception {
        BaselineStore store = new BaselineStore(dir);
        JsonNode body = DriftFixtures.load("smarty-candidates.json");
        var baseline = DriftFixtures.baseline("smarty-street", InferenceOptions.DEFAULT, body); // 12 ms samples
        assertThat(baseline.latency()).isEqualTo(LatencyStats.ofNanos(new long[] {12 * MS}));
        store.write(baseline);
        ProbeDefinition probe = Probes.probe("smarty-street", null, dir.resolve("probes/smarty.yaml"));
        LatencyDriftCheck check = new LatencyDriftCheck(store);
        List<Finding> findings = List.of();
        for (int i = 0; i < 20; i++) {
            var exchange = Probes.exchange(200, "application/json", "[]", 30 * MS);
            findings = check.evaluate(new CheckContext(probe, exchange, Optional.empty(), Clock.systemUTC()));
            if (i < 19) assertThat(findings).isEmpty();
        }
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.kind()).isEqualTo(FindingKind.LATENCY_DRIFT);
        assertThat(f.level()).isEqualTo(Level.WARN);
        assertThat(f.message())
                .isEqualTo(
                        "latency-drift: p95 of the last 20 runs is 30.000 ms, 2.50x the baseline p95 of 12.000 ms (threshold 1.5x)");
        assertThat(f.evidence())
                .containsEntry("windowP95Ms", "30.000")
                .containsEntry("baselineP95Ms", "12.000")
                .containsEntry("window", "20")
                .containsEntry("baselineFile", store.file("smarty-street").toString());
        assertThat(check.evaluate(new CheckContext(probe, Probes.refused(), Optional.empty(), Clock.systemUTC())))
                .isEmpty();
    }
}
