package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.store.StoreException;
import io.driftwatch.support.LoopbackServer;
import io.driftwatch.testing.LoopbackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon end to end: scheduling, endpoints, hot reload, history across a restart. */
class DaemonTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    LoopbackServer target;
    Path probes;
    Daemon daemon;
    final AtomicInteger hits = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        target = new LoopbackServer().route("/ok", ex -> {
            hits.incrementAndGet();
            LoopbackServer.respond(ex, 200, "application/json", "{\"ok\":true}");
        });
        probes = dir.resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        Files.writeString(probes.resolve("connections/local.yaml"), "baseUrl: " + target.baseUrl() + "\n");
        Files.writeString(probes.resolve("a.yaml"), probe("alpha"));
    }

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
        target.close();
    }

    static String probe(String id) {
        return """
                id: %s
                connection: local
                schedule: { every: 500ms }
                request: { path: /ok }
                expect:
                  assertions:
                    - { path: "$.ok", equals: true }
                """.formatted(id);
    }

    Daemon start() throws Exception {
        var settings = LoopbackSettings.under(dir, probes, Map.of());
        return new Daemon(settings, Clock.systemUTC()).start();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode probesApi() throws Exception {
        return new ObjectMapper().readTree(get("/api/v1/probes").body());
    }

    String metrics() throws Exception {
        return get("/metrics").body();
    }

    @Test
    void schedulesServesAndReloads() throws Exception {
        daemon = start();
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> probesApi().get(0).get("latest").isObject());
        JsonNode latest = probesApi().get(0).get("latest");
        assertThat(latest.get("outcome").asText()).isEqualTo("pass");
        assertThat(latest.get("status").asInt()).isEqualTo(200);
        assertThat(metrics())
                .contains("driftwatch_probe_success{probe=\"alpha\"} 1")
                .contains("driftwatch_probe_duration_seconds_count{probe=\"alpha\"}")
                .contains("driftwatch_config_reload_success 1");

        // add
        Files.writeString(probes.resolve("b.yaml"), probe("beta"));
        await().atMost(WAIT).until(() -> probesApi().size() == 2);
        await().atMost(WAIT).until(() -> metrics().contains("driftwatch_probe_success{probe=\"beta\"} 1"));

        // break: the last good version keeps running, reload success drops to 0
        Files.writeString(probes.resolve("b.yaml"), probe("beta").replace("500ms", "soon"));
        await().atMost(WAIT).until(() -> metrics().contains("driftwatch_config_reload_success 0"));
        assertThat(daemon.scheduler().scheduledIds()).containsExactlyInAnyOrder("alpha", "beta");
        int before = hits.get();
        await().atMost(WAIT).until(() -> hits.get() > before + 4);

        // fix
        Files.writeString(probes.resolve("b.yaml"), probe("beta").replace("/ok", "/missing"));
        await().atMost(WAIT).until(() -> metrics().contains("driftwatch_config_reload_success 1"));
        await().atMost(WAIT).until(() -> metrics().contains("driftwatch_probe_success{probe=\"beta\"} 0"));

        // delete
        Files.delete(probes.resolve("b.yaml"));
        await().atMost(WAIT).until(() -> probesApi().size() == 1);
        assertThat(daemon.scheduler().scheduledIds()).containsExactly("alpha");
        await().atMost(WAIT).until(() -> !metrics().contains("probe=\"beta\""));

        JsonNode one = new ObjectMapper().readTree(get("/api/v1/probes/alpha").body());
        assertThat(one.get("history").size()).isPositive();
        assertThat(get("/api/v1/probes/nope").statusCode()).isEqualTo(404);
        var alerts = get("/api/v1/alerts");
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(alerts.body()).isArray()).isTrue();
    }

    @Test
    void runHistorySurvivesRestart() throws Exception {
        daemon = start();
        await().atMost(WAIT).until(() -> probesApi().get(0).get("latest").isObject());
        daemon.close();
        Files.delete(probes.resolve("a.yaml"));
        Files.writeString(probes.resolve("a.yaml"), probe("alpha").replace("500ms", "1h"));
        daemon = start();
        // Before any new run, the API shows the stored latest run and history.
        JsonNode one = new ObjectMapper().readTree(get("/api/v1/probes/alpha").body());
        assertThat(one.get("history").size()).isPositive();
        assertThat(one.get("latest").get("outcome").asText()).isEqualTo("pass");
    }

    @Test
    void aStoreThatCannotOpenFailsTheStartWithItsRedactedReason() throws Exception {
        var good = LoopbackSettings.under(dir, probes, Map.of());
        var unreachable = new Settings(
                good.probesDir(),
                good.baselinesDir(),
                good.alertingDir(),
                good.dataDir(),
                "jdbc:postgresql://127.0.0.1:1/driftwatch?user=dw&password=hunter2",
                good.host(),
                good.port(),
                good.env());

        assertThatThrownBy(() -> new Daemon(unreachable, Clock.systemUTC()).start())
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(
                        "cannot open store at jdbc:postgresql://127.0.0.1:1/driftwatch?user=dw&password=****")
                .message()
                .doesNotContain("hunter2");

        // what was built while the store was opening is closed again; the same folders start a daemon
        daemon = start();
        await().atMost(WAIT).until(() -> hits.get() > 0);
    }
}
