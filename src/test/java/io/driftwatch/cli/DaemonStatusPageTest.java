package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.LatencyStats;
import io.driftwatch.support.LoopbackServer;
import io.driftwatch.testing.LoopbackSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page and probe API of a running daemon with a passing, a degraded and a failing probe. */
class DaemonStatusPageTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    LoopbackServer target;
    Daemon daemon;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
        if (target != null) target.close();
    }

    static String probe(String id, String path, String expect) {
        return """
                id: %s
                description: The %s probe
                connection: local
                schedule: { every: 300ms }
                request: { path: %s }
                expect: %s
                """.formatted(id, id, path, expect);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageShowsEachProbesStateLatencyBaselineAndAlerts() throws Exception {
        target = new LoopbackServer()
                .json("/ok", 200, "{\"ok\":true}")
                .json("/broken", 500, "{\"error\":\"down\"}")
                .route("/slow", ex -> {
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LoopbackServer.respond(ex, 200, "application/json", "{\"ok\":true}");
                });
        Path probes = dir.resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        Files.writeString(probes.resolve("connections/local.yaml"), "baseUrl: " + target.baseUrl() + "\n");
        Files.writeString(probes.resolve("green.yaml"), probe("green", "/ok", "{ status: 200 }"));
        Files.writeString(
                probes.resolve("amber.yaml"),
                probe("amber", "/slow", "{ status: 200, latency: { degraded: 5ms, max: 10s } }"));
        Files.writeString(probes.resolve("red.yaml"), probe("red", "/broken", "{ status: 200 }"));
        Instant recorded = Instant.now().minus(Duration.ofDays(3));
        new BaselineStore(dir.resolve("baselines"))
                .write(new Baseline(
                        "green",
                        "test",
                        recorded,
                        5,
                        200,
                        "application/json",
                        new TreeMap<>(),
                        new LatencyStats(new BigDecimal("1.000"), new BigDecimal("2.500"), new BigDecimal("3.000")),
                        null,
                        null));
        Path alerting = dir.resolve("alerting");
        Files.createDirectories(alerting);
        Files.writeString(alerting.resolve("alerting.yaml"), """
                channels:
                  hook: { type: webhook, url: "%s/hook", secret: "${HOOK_SECRET}" }
                defaults: { failureThreshold: 1, channels: [hook] }
                """.formatted(target.baseUrl()));
        target.json("/hook", 204, "");

        daemon = new Daemon(
                        LoopbackSettings.of(
                                probes,
                                dir.resolve("baselines"),
                                alerting,
                                dir.resolve("data"),
                                Map.of("HOOK_SECRET", "s3cret-hook-key")),
                        Clock.systemUTC())
                .start();

        // Before any run finishes every probe is listed; afterwards each shows its own state.
        await().atMost(WAIT).until(() -> {
            String page = get("/").body();
            return page.contains(">fail</span></td>")
                    && page.contains(">degraded</span></td>")
                    && page.contains(">pass</span></td>")
                    // red's alert fires on its first failing run (amber's degraded runs may add a warning)
                    && page.contains("<td class=\"num\">1</td><td>expected status 200, got 500");
        });
        HttpResponse<String> response = get("/");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'none'");
        String page = response.body();
        assertThat(page)
                .contains("The red probe")
                .contains("expected status 200, got 500")
                .contains("2.5 ms") // green's baseline p95
                .doesNotContain("<script")
                .doesNotContain("s3cret-hook-key");
        assertThat(page.indexOf(">red<")).isLessThan(page.indexOf(">amber<"));
        assertThat(page.indexOf(">amber<")).isLessThan(page.indexOf(">green<"));

        JsonNode green = new ObjectMapper().readTree(get("/api/v1/probes/green").body());
        assertThat(green.get("baseline").get("file").asText()).isEqualTo("green.json");
        assertThat(green.get("baseline").get("ageSeconds").asLong()).isBetween(3 * 86400L, 3 * 86400L + 120);
        assertThat(green.get("baseline").get("latencyP95Ms").decimalValue()).isEqualByComparingTo("2.5");
        // Runs reach the store in batches: wait for red's first stored run.
        await().atMost(WAIT)
                .until(() -> new ObjectMapper()
                                .readTree(get("/api/v1/probes/red").body())
                                .get("history")
                                .size()
                        > 0);
        JsonNode red = new ObjectMapper().readTree(get("/api/v1/probes/red").body());
        assertThat(red.get("baseline").isNull()).isTrue();
        assertThat(red.get("history").get(0).get("findings").toString()).contains("status");

        // The probe page, where alert links point.
        HttpResponse<String> redPage = get("/probes/red");
        assertThat(redPage.statusCode()).isEqualTo(200);
        assertThat(redPage.body())
                .contains("Open alerts")
                .contains("<td>http-status</td>")
                .contains("expected status 200, got 500")
                .contains("Recent runs")
                .contains("driftwatch baseline record red")
                .doesNotContain("<script");
        assertThat(get("/probes/green").body()).contains("baselines/green.json").contains("p95 2.5 ms");
        assertThat(get("/probes/nope").statusCode()).isEqualTo(404);

        var post = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
