package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.AuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.support.LoopbackServer;
import io.driftwatch.testing.LoopbackSettings;
import io.driftwatch.vendor.FileTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection key {@code reuseConnections}: kept-alive connections by default, a fresh one per run when false. */
class ReuseConnectionsTest {
    @TempDir
    Path dir;

    LoopbackServer target;
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void setUp() throws Exception {
        target = new LoopbackServer().route("/ok", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            LoopbackServer.respond(ex, 200, "application/json", "{\"ok\":true}");
        });
    }

    @AfterEach
    void tearDown() {
        target.close();
    }

    @Test
    void runsShareOneConnectionByDefault() throws Exception {
        assertThat(runThreeTimes("")).isTrue();
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void reuseConnectionsFalseOpensAFreshConnectionForEveryRun() throws Exception {
        assertThat(runThreeTimes("reuseConnections: false\n")).isTrue();
        assertThat(clientPorts).hasSize(3);
    }

    private boolean runThreeTimes(String connectionExtra) throws Exception {
        Path probes = dir.resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        Files.writeString(
                probes.resolve("connections/local.yaml"), "baseUrl: " + target.baseUrl() + "\n" + connectionExtra);
        Files.writeString(
                probes.resolve("p.yaml"),
                "id: p\nconnection: local\nschedule: { every: 1m }\nrequest: { path: /ok }\n");
        var settings = LoopbackSettings.under(dir, probes, Map.of());
        try (Engine engine = Extensions.engine(
                settings,
                Clock.systemUTC(),
                new DriftwatchMetrics(),
                AuditLog.NONE,
                new FileTokenStore(dir.resolve("tokens")))) {
            assertThat(engine.reload().problems()).isEmpty();
            ProbeDefinition probe = engine.active().probes().get("p");
            List<ProbeResult> results = List.of(
                    engine.runner().run(probe, Instant.now()),
                    engine.runner().run(probe, Instant.now()),
                    engine.runner().run(probe, Instant.now()));
            return results.stream().allMatch(r -> r.outcome() == Outcome.PASS);
        }
    }
}
