package io.driftwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftwatchMetricsTest {
    @Test
    void exposesProbeSeriesWithPrometheusNamesAndRemovesThem() {
        var m = new DriftwatchMetrics();
        m.probeLoaded("qbo-invoice-read", "quickbooks", "quickbooks");
        m.recordRun("qbo-invoice-read", "pass", 120_000_000L, true);
        m.recordRun("qbo-invoice-read", "fail", 0, false);
        m.configReloaded(false, 1_700_000_000L, 1);
        String text = m.scrape();
        assertThat(text)
                .contains("# TYPE driftwatch_probe_success gauge")
                .contains("driftwatch_probe_success{probe=\"qbo-invoice-read\"} 0")
                .contains("driftwatch_probe_runs_total{outcome=\"pass\",probe=\"qbo-invoice-read\"} 1")
                .contains("driftwatch_probe_runs_total{outcome=\"fail\",probe=\"qbo-invoice-read\"} 1")
                .contains("driftwatch_probe_duration_seconds_bucket{probe=\"qbo-invoice-read\",le=\"0.15\"} 1")
                .contains("driftwatch_probe_duration_seconds_bucket{probe=\"qbo-invoice-read\",le=\"0.1\"} 0")
                .contains("driftwatch_probe_duration_seconds_count{probe=\"qbo-invoice-read\"} 1")
                .contains("driftwatch_config_reload_success 0")
                .contains(
                        "driftwatch_probe_info{connection=\"quickbooks\",probe=\"qbo-invoice-read\",vendor=\"quickbooks\"} 1");
        m.probeRemoved("qbo-invoice-read");
        assertThat(m.scrape()).doesNotContain("qbo-invoice-read");
    }

    @Test
    void certificateExpiryAppearsOnlyForProbesThatReportOne() {
        var m = new DriftwatchMetrics();
        m.probeLoaded("plain-http", null, null);
        m.probeLoaded("tls", null, null);
        m.certificateObserved("tls", 30);
        String text = m.scrape();
        assertThat(text)
                .contains("# TYPE driftwatch_certificate_expiry_seconds gauge")
                .contains("driftwatch_certificate_expiry_seconds{probe=\"tls\"} 2592000")
                .doesNotContain("driftwatch_certificate_expiry_seconds{probe=\"plain-http\"}");
        m.certificateObserved("tls", 29);
        assertThat(m.scrape()).contains("driftwatch_certificate_expiry_seconds{probe=\"tls\"} 2505600");
        m.probeRemoved("tls");
        assertThat(m.scrape()).doesNotContain("probe=\"tls\"");
    }

    @Test
    void runsRecordedFromManyThreadsAddUpInEverySeries() throws InterruptedException {
        var m = new DriftwatchMetrics();
        m.probeLoaded("busy", "c", "generic");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    m.recordRun("busy", i % 4 == 0 ? "fail" : "pass", 3_000_000L * (i % 10), i % 4 != 0);
                }
            }));
        }
        for (Thread t : threads) t.join();
        m.recordRun("busy", "skipped-by-mistake", 0, false);

        String text = m.scrape();
        assertThat(text)
                .contains("driftwatch_probe_runs_total{outcome=\"pass\",probe=\"busy\"} 6000")
                .contains("driftwatch_probe_runs_total{outcome=\"fail\",probe=\"busy\"} 2001")
                .contains("driftwatch_probe_duration_seconds_count{probe=\"busy\"} 6000")
                .contains("driftwatch_probe_duration_seconds_bucket{probe=\"busy\",le=\"+Inf\"} 6000")
                // 3 ms steps 0..27 ms, responded only when i % 4 != 0: at most 5 ms are i % 10 in {0, 1}
                .contains("driftwatch_probe_duration_seconds_bucket{probe=\"busy\",le=\"0.005\"} 1200");
    }
}
