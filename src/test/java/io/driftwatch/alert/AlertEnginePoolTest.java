package io.driftwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.outbox.TestDatabases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert transaction holds one pooled connection and never asks for a second while holding it: with
 * every connection of the pool in such transactions at once (the daemon under load), a nested request
 * would wait for a connection only another waiter could free. Shown with a pool of one connection.
 */
class AlertEnginePoolTest {
    @TempDir
    Path dir;

    @Test
    void firingUpdatesTheGaugeWithASingleConnectionPool() {
        TestDatabases.h2(dir).close(); // migrated through a normal pool (Flyway itself takes two connections)
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("driftwatch").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            var engine = new AlertEngine(ds, AlertingConfig.EMPTY, Clock.systemUTC(), new AlertMetrics(registry));
            var probe = AlertHarness.QBO;
            for (int i = 0; i < 2; i++) {
                engine.onResult(
                        probe,
                        "quickbooks",
                        AlertHarness.result(
                                probe.id(), Clock.systemUTC().instant(), 200, List.of(AlertHarness.latencyFail())));
            }
            // The count is re-read after the state change is saved; nested, it timed out and stayed 0.
            assertThat(registry.scrape()).contains("driftwatch_alerts_firing{severity=\"critical\"} 1.0");
        }
    }
}
