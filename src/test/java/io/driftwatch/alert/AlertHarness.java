package io.driftwatch.alert;

import com.zaxxer.hikari.HikariDataSource;
import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.alert.config.AlertingLoader;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.Channel;
import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.config.AlertSpec;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.Exchange;
import io.driftwatch.outbox.Backoff;
import io.driftwatch.outbox.OutboxDispatcher;
import io.driftwatch.outbox.OutboxMetrics;
import io.driftwatch.outbox.OutboxRepository;
import io.driftwatch.outbox.TestDatabases;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A daemon's alerting half on a real H2 file: engine + outbox dispatcher + the given channels, config
 * loaded from YAML. {@link #restart()} drops everything in memory (as a killed process would) and reopens
 * the same database file.
 */
final class AlertHarness implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    final Path dir;
    final MutableClock clock = new MutableClock(T0);
    final Map<String, Channel> channels;
    final AlertingConfig config;
    PrometheusMeterRegistry registry;
    HikariDataSource ds;
    AlertEngine engine;
    OutboxDispatcher dispatcher;
    OutboxRepository outbox;

    AlertHarness(Path dir, String yaml, Map<String, String> env, Map<String, Channel> channels) throws IOException {
        this.dir = dir;
        this.channels = channels;
        Path alerting = Files.createDirectories(dir.resolve("alerting"));
        Files.writeString(alerting.resolve("alerting.yaml"), yaml);
        var result = new AlertingLoader(ChannelRegistry.standard()).loadDirectory(alerting, env);
        if (!result.ok()) throw new IllegalStateException("test config invalid: " + result.problems());
        this.config = result.config();
        open();
    }

    private void open() {
        ds = TestDatabases.h2(dir.resolve("db"));
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        engine = new AlertEngine(ds, config, clock, new AlertMetrics(registry));
        outbox = new OutboxRepository(ds);
        dispatcher = new OutboxDispatcher(
                outbox,
                channels,
                clock,
                new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), () -> 0L),
                config.delivery().deadLetterAfter(),
                engine,
                new OutboxMetrics(registry));
    }

    /** As if the process died: nothing in memory survives, the database file does. */
    void restart() {
        dispatcher.close();
        ds.close();
        open();
    }

    static ProbeDefinition probe(String id, String severity, Map<String, String> labels) {
        return new ProbeDefinition(
                id,
                "test probe",
                "quickbooks",
                null,
                null,
                null,
                new AlertSpec(severity, null),
                labels,
                "https://wiki.example.com/runbooks/" + id,
                null);
    }

    static final ProbeDefinition QBO = probe("qbo-invoice-read", "critical", Map.of("team", "finance"));

    void run(ProbeDefinition probe, Finding... findings) {
        engine.onResult(probe, "quickbooks", result(probe.id(), clock.instant(), 200, List.of(findings)));
    }

    void pass(ProbeDefinition probe) {
        run(probe);
    }

    void slow(ProbeDefinition probe) {
        run(probe, latencyFail());
    }

    static Finding latencyFail() {
        return Finding.fail("latency", FindingKind.LATENCY, "Latency 312 ms exceeded max 200 ms")
                .withEvidence("observedMs", 312)
                .withEvidence("maxMs", 200);
    }

    static ProbeResult result(String probeId, Instant at, int status, List<Finding> findings) {
        var exchange = new Exchange(
                at,
                "GET",
                "https://sandbox.example.com/v3/company/1/invoice/9",
                status,
                Map.of(),
                new byte[0],
                0,
                1_000_000,
                2_000_000,
                1,
                null,
                null,
                null);
        return new ProbeResult(
                probeId, "quickbooks", at, at, Outcome.of(findings), null, exchange, List.of("status"), findings);
    }

    /** Advances the clock by a minute (the probe interval) and polls the dispatcher once. */
    int tick() throws SQLException {
        clock.advance(Duration.ofMinutes(1));
        return dispatcher.pollOnce();
    }

    List<AlertMessage.Event> events(io.driftwatch.outbox.RecordingChannel channel) {
        return channel.received().stream().map(AlertMessage::event).toList();
    }

    @Override
    public void close() {
        dispatcher.close();
        ds.close();
    }
}
