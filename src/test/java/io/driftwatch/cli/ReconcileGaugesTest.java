package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.reconcile.MismatchKind;
import io.driftwatch.reconcile.ReconcileSummary;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileGaugesTest {
    @TempDir
    Path dir;

    @Test
    void gaugesShowTheLatestEvaluationAndGoAwayWithTheirCheck() {
        var metrics = new DriftwatchMetrics();
        var gauges = new ReconcileGauges(metrics.registry());
        assertThat(metrics.scrape()).doesNotContain("driftwatch_reconcile");

        gauges.stats()
                .record(
                        "sf-vs-qbo",
                        new ReconcileSummary(
                                new BigDecimal("12.345"),
                                Map.of(MismatchKind.AMOUNT, 3, MismatchKind.ORPHAN_TARGET, 1)));
        gauges.stats()
                .record("sf-vs-qbo", new ReconcileSummary(new BigDecimal("0.02"), Map.of(MismatchKind.AMOUNT, 1)));
        String scrape = metrics.scrape();
        assertThat(scrape)
                .contains("# TYPE driftwatch_reconcile_delta gauge")
                .contains("driftwatch_reconcile_delta{check=\"sf-vs-qbo\"} 0.02")
                .contains("driftwatch_reconcile_mismatches{check=\"sf-vs-qbo\",kind=\"amount\"} 1.0")
                .contains("driftwatch_reconcile_mismatches{check=\"sf-vs-qbo\",kind=\"orphan-target\"} 0.0");
        assertThat(scrape.lines().filter(l -> l.startsWith("driftwatch_reconcile_mismatches{")))
                .hasSize(MismatchKind.values().length);

        gauges.stats().record("qbo-invoices/lines-vs-total", new ReconcileSummary(BigDecimal.ONE, Map.of()));
        gauges.stats().record("qbo-invoices-other", new ReconcileSummary(BigDecimal.ONE, Map.of()));
        gauges.remove("sf-vs-qbo");
        gauges.remove("qbo-invoices");
        assertThat(metrics.scrape())
                .doesNotContain("sf-vs-qbo")
                .doesNotContain("qbo-invoices/")
                .contains("driftwatch_reconcile_delta{check=\"qbo-invoices-other\"} 1.0");
        gauges.stats().record("sf-vs-qbo", new ReconcileSummary(BigDecimal.ONE, Map.of()));
        assertThat(metrics.scrape()).contains("driftwatch_reconcile_delta{check=\"sf-vs-qbo\"} 1.0");
    }

    @Test
    void theExpositionPassesPromtool() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool is not installed");
        var metrics = new DriftwatchMetrics();
        var gauges = new ReconcileGauges(metrics.registry());
        gauges.stats()
                .record("sf-vs-qbo", new ReconcileSummary(new BigDecimal("0.02"), Map.of(MismatchKind.AMOUNT, 1)));
        Path file = Files.writeString(dir.resolve("metrics.txt"), metrics.scrape());
        Process p = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
                .redirectInput(file.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).doesNotContain("driftwatch_reconcile");
    }
}
