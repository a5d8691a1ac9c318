package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.support.ShippedProbes;
import io.driftwatch.testing.LoopbackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped probes in a daemon while things go wrong at once: Smarty answers HTML error pages,
 * Salesforce answers 500s, and a probe file is broken mid-run. Each failure is a clear finding on its
 * own probe, the broken file names its line, and QuickBooks' probes keep passing throughout.
 */
class DaemonBadInputTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    JsonNode latest(Daemon daemon, String id) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/api/v1/probes/" + id))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new ObjectMapper().readTree(body).path("latest");
    }

    long runsOf(Daemon daemon, String id) {
        return daemon.metrics()
                .scrape()
                .lines()
                .filter(l -> l.startsWith("driftwatch_probe_runs_total{") && l.contains("probe=\"" + id + "\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void failuresStayOnTheirOwnProbesAndSayWhatHappened() throws Exception {
        try (Sandbox sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build())) {
            Map<String, String> env = new HashMap<>(sandbox.environment());
            env.put("DRIFTWATCH_WEBHOOK_SECRET", "test-secret");
            Path probes = ShippedProbes.copyWithShortSchedules(dir.resolve("probes"));
            Settings settings = LoopbackSettings.of(
                    probes,
                    ShippedProbes.repo().resolve("baselines"),
                    dir.resolve("alerting"),
                    dir.resolve("data"),
                    env);
            try (Daemon daemon = new Daemon(settings, Clock.systemUTC()).start()) {
                sandbox.setScenario(Scenario.of("html-error", Map.of("vendor", "smarty")));
                sandbox.setScenario(Scenario.of("server-errors", Map.of("vendor", "salesforce")));
                Files.writeString(probes.resolve("smarty/smarty-no-match.yaml"), "id: smarty-no-match\nschedule: [\n");

                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    JsonNode smarty = latest(daemon, "smarty-known-address");
                    JsonNode sf = latest(daemon, "sf-limits");
                    return smarty.path("outcome").asText().equals("fail")
                            && sf.path("outcome").asText().equals("fail");
                });
                assertThat(latest(daemon, "smarty-known-address").toString()).containsIgnoringCase("html");
                assertThat(latest(daemon, "sf-limits").toString()).contains("500");
                // The broken file: reported with its line, its last good version keeps running.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> daemon.metrics().scrape().contains("driftwatch_config_reload_success 0"));
                assertThat(daemon.scheduler().scheduledIds()).contains("smarty-no-match");

                // QuickBooks is untouched: its probes keep running and passing.
                long before = runsOf(daemon, "qbo-invoice-read");
                await().atMost(Duration.ofSeconds(30)).until(() -> runsOf(daemon, "qbo-invoice-read") >= before + 2);
                assertThat(latest(daemon, "qbo-invoice-read").path("outcome").asText())
                        .isEqualTo("pass");

                // Recovery needs no restart.
                sandbox.resetScenarios();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> latest(daemon, "smarty-known-address")
                                        .path("outcome")
                                        .asText()
                                        .equals("pass")
                                && latest(daemon, "sf-limits")
                                        .path("outcome")
                                        .asText()
                                        .equals("pass"));
            }
        }
    }
}
