package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.InferenceOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DriftMetricsTest {
    private static final Instant RECORDED = DriftFixtures.CLOCK.instant(); // 2026-03-01T09:00:00Z

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DriftTracker tracker = new DriftTracker();
    private final AtomicReference<Instant> now = new AtomicReference<>(RECORDED.plus(Duration.ofHours(2)));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final DriftMetrics metrics = new DriftMetrics(registry, tracker, clock);

    private static Baseline baseline() {
        return DriftFixtures.baseline(
                "qbo-invoice-read", InferenceOptions.DEFAULT, DriftFixtures.load("qbo-invoice-read.json"));
    }

    private static DriftChange change(DriftKind kind, Severity severity, String path) {
        return new DriftChange(kind, severity, path, "number", "string", null, 1, 1);
    }

    private List<String> series(String name) {
        return registry.scrape()
                .lines()
                .filter(l -> l.startsWith(name + "{"))
                .sorted()
                .toList();
    }

    @Test
    void findingsAgeAndP95PerProbe() {
        Baseline b = baseline(); // one 12 ms sample
        tracker.update(
                "qbo-invoice-read",
                List.of(
                        change(DriftKind.TYPE_CHANGED, Severity.BREAKING, "$.Invoice.TotalAmt"),
                        change(DriftKind.TYPE_CHANGED, Severity.BREAKING, "$.Invoice.Balance"),
                        change(DriftKind.FIELD_ADDED, Severity.INFO, "$.Invoice.X")),
                now.get());
        tracker.updateLatency("qbo-invoice-read", Severity.WARNING);
        metrics.update("qbo-invoice-read", b);

        assertThat(series("driftwatch_drift_findings"))
                .containsExactly(
                        "driftwatch_drift_findings{kind=\"field-added\",probe=\"qbo-invoice-read\",severity=\"info\"} 1.0",
                        "driftwatch_drift_findings{kind=\"latency-drift\",probe=\"qbo-invoice-read\",severity=\"warning\"} 1.0",
                        "driftwatch_drift_findings{kind=\"type-changed\",probe=\"qbo-invoice-read\",severity=\"breaking\"} 2.0");
        assertThat(series("driftwatch_baseline_age_seconds"))
                .containsExactly("driftwatch_baseline_age_seconds{probe=\"qbo-invoice-read\"} 7200.0");
        assertThat(series("driftwatch_baseline_latency_p95_seconds"))
                .containsExactly("driftwatch_baseline_latency_p95_seconds{probe=\"qbo-invoice-read\"} 0.012");

        now.set(now.get().plusSeconds(30)); // age follows the clock at scrape time
        assertThat(series("driftwatch_baseline_age_seconds"))
                .containsExactly("driftwatch_baseline_age_seconds{probe=\"qbo-invoice-read\"} 7230.0");

        // Resolved: the series stay, at zero; the latency window recovered.
        tracker.update("qbo-invoice-read", List.of(), now.get());
        tracker.updateLatency("qbo-invoice-read", null);
        metrics.update("qbo-invoice-read", b);
        assertThat(series("driftwatch_drift_findings"))
                .allMatch(l -> l.endsWith(" 0.0"))
                .hasSize(3);
    }

    @Test
    void aRemovedProbeOrBaselineLosesItsSeries() {
        tracker.update("a", List.of(change(DriftKind.TYPE_CHANGED, Severity.BREAKING, "$.x")), now.get());
        metrics.update("a", baseline());
        metrics.update("b", baseline());
        assertThat(series("driftwatch_baseline_age_seconds")).hasSize(2);

        metrics.update("b", null); // baseline file deleted
        assertThat(series("driftwatch_baseline_age_seconds")).hasSize(1);
        assertThat(series("driftwatch_baseline_latency_p95_seconds")).hasSize(1);

        tracker.forget("a");
        metrics.forget("a");
        assertThat(series("driftwatch_drift_findings")).isEmpty();
        assertThat(series("driftwatch_baseline_age_seconds")).isEmpty();
        assertThat(registry.scrape()).doesNotContain("probe=\"a\"");
    }
}
