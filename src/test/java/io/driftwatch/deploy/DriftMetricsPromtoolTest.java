package io.driftwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.drift.DriftChange;
import io.driftwatch.drift.DriftFixtures;
import io.driftwatch.drift.DriftKind;
import io.driftwatch.drift.DriftMetrics;
import io.driftwatch.drift.DriftTracker;
import io.driftwatch.drift.Severity;
import io.driftwatch.metrics.DriftwatchMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift gauges beside the daemon's other metrics pass {@code promtool check metrics} (skipped without promtool). */
class DriftMetricsPromtoolTest {

    @Test
    void driftGaugesPassCheckMetrics() throws Exception {
        PromtoolTest.findPromtool();
        var metrics = new DriftwatchMetrics().withJvmMetrics();
        metrics.probeLoaded("qbo-invoice-read", "quickbooks", "quickbooks");
        metrics.recordRun("qbo-invoice-read", "fail", 120_000_000L, true);
        DriftTracker tracker = new DriftTracker();
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        tracker.update(
                "qbo-invoice-read",
                List.of(new DriftChange(
                        DriftKind.TYPE_CHANGED,
                        Severity.BREAKING,
                        "$.Invoice.TotalAmt",
                        "number",
                        "string",
                        null,
                        1,
                        1)),
                now);
        tracker.updateLatency("qbo-invoice-read", Severity.WARNING);
        DriftMetrics drift = new DriftMetrics(metrics.registry(), tracker, Clock.fixed(now, ZoneOffset.UTC));
        drift.update(
                "qbo-invoice-read",
                DriftFixtures.baseline(
                        "qbo-invoice-read", InferenceOptions.DEFAULT, DriftFixtures.load("qbo-invoice-read.json")));
        String scrape = metrics.scrape();
        assertThat(scrape)
                .contains("# TYPE driftwatch_drift_findings gauge")
                .contains("driftwatch_baseline_age_seconds{probe=\"qbo-invoice-read\"} 86400.0")
                .contains("driftwatch_baseline_latency_p95_seconds{probe=\"qbo-invoice-read\"} 0.012");
        PromtoolTest.Result check = PromtoolTest.promtool(scrape, "check", "metrics");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).doesNotContain("driftwatch_drift").doesNotContain("driftwatch_baseline");
    }
}
