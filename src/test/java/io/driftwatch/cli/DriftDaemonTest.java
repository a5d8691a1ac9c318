package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.testing.LoopbackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift end to end: the daemon runs the shipped Salesforce opportunities probe against the sandbox with
 * the shipped baseline; the sandbox switches to a drift scenario; the finding (kind, path, severity)
 * shows in {@code /api/v1/probes/{id}} and {@code driftwatch_drift_findings}, and the run's outcome
 * follows {@code maxMissingRequired}.
 */
class DriftDaemonTest {
    private static final String ID = "sf-closed-won-opportunities";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private Daemon daemon;
    private Path probeFile;
    private Settings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build());
        Path repo = ShippedConfigTest.repo();
        Path probes = Files.createDirectories(dir.resolve("probes/connections")).getParent();
        Files.copy(repo.resolve("probes/connections/salesforce.yaml"), probes.resolve("connections/salesforce.yaml"));
        probeFile = probes.resolve("sf.yaml");
        writeProbe(1);
        Path baselines = Files.createDirectories(dir.resolve("baselines"));
        Files.copy(ShippedBaselinesTest.shippedBaselines().resolve(ID + ".json"), baselines.resolve(ID + ".json"));
        settings = LoopbackSettings.of(
                probes, baselines, dir.resolve("alerting"), dir.resolve("data"), sandbox.environment());
        daemon = new Daemon(settings, Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        if (daemon != null) daemon.close();
        sandbox.close();
    }

    /**
     * The shipped probe, run every 300 ms, with its assertions left out (so the outcome is the drift's)
     * and the given maxMissingRequired.
     */
    private void writeProbe(int maxMissingRequired) throws Exception {
        String shipped = Files.readString(ShippedConfigTest.repo().resolve("probes/salesforce/" + ID + ".yaml"));
        String probe = shipped.replace("schedule: { every: 5m }", "schedule: { every: 300ms }")
                .replaceAll("(?m)^  assertions:\\n(    - .*\\n)+", "")
                .replace("maxMissingRequired: 2", "maxMissingRequired: " + maxMissingRequired);
        assertThat(probe).contains("every: 300ms").doesNotContain("assertions").contains("schema:");
        Files.writeString(probeFile, probe);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode latest() throws Exception {
        return JSON.readTree(get("/api/v1/probes/" + ID).body()).path("latest");
    }

    private String metrics() throws Exception {
        return get("/metrics").body();
    }

    private static String findings(String kind, String severity) {
        return "driftwatch_drift_findings{kind=\"" + kind + "\",probe=\"" + ID + "\",severity=\"" + severity + "\"}";
    }

    /** The schema-drift finding of the latest run, or a missing node. */
    private JsonNode driftFinding() throws Exception {
        for (JsonNode f : latest().path("findings")) {
            if (f.path("check").asText().equals("schema-drift")) return f;
        }
        return JSON.missingNode();
    }

    @Test
    void aDriftScenarioShowsInTheApiAndMetricsAndTheOutcomeFollowsMaxMissingRequired() throws Exception {
        await().atMost(WAIT).until(() -> "pass".equals(latest().path("outcome").asText()));
        assertThat(driftFinding().isMissingNode()).isTrue();
        assertThat(metrics())
                .containsPattern(Pattern.quote("driftwatch_baseline_age_seconds{probe=\"" + ID + "\"} ") + "[0-9.E]+")
                .doesNotContain("driftwatch_drift_findings{");

        // Salesforce drops Amount: one required field missing, within maxMissingRequired 1: a warning.
        sandbox.setScenario(Scenario.of("field-removed"));
        await().atMost(WAIT)
                .until(() -> "degraded".equals(latest().path("outcome").asText()));
        JsonNode warning = driftFinding();
        assertThat(warning.path("level").asText()).isEqualTo("warn");
        assertThat(warning.path("message").asText())
                .startsWith("required-field-missing at $.records[*].Amount: missing in ");
        JsonNode evidence = warning.path("evidence");
        assertThat(evidence.path("drift").asText()).isEqualTo("required-field-missing");
        assertThat(evidence.path("path").asText()).isEqualTo("$.records[*].Amount");
        assertThat(evidence.path("severity").asText()).isEqualTo("warning");
        assertThat(evidence.path("baselineFile").asText())
                .isEqualTo(dir.resolve("baselines/" + ID + ".json").toString());
        assertThat(evidence.path("firstSeen").asText()).isNotEmpty();
        assertThat(evidence.path("runs").asInt()).isPositive();
        await().atMost(WAIT).until(() -> metrics().contains(findings("required-field-missing", "warning") + " 1.0"));

        // The same drift with maxMissingRequired 0 fails the run (hot reload of the probe file).
        writeProbe(0);
        await().atMost(WAIT).until(() -> "fail".equals(latest().path("outcome").asText()));
        assertThat(driftFinding().path("evidence").path("severity").asText()).isEqualTo("breaking");
        assertThat(driftFinding().path("level").asText()).isEqualTo("fail");
        await().atMost(WAIT)
                .until(() -> metrics().contains(findings("required-field-missing", "breaking") + " 1.0")
                        && metrics().contains(findings("required-field-missing", "warning") + " 0.0"));

        // Amount as a string: type-changed, breaking.
        sandbox.resetScenarios();
        sandbox.setScenario(Scenario.of("field-retyped"));
        await().atMost(WAIT)
                .until(() -> "type-changed"
                        .equals(driftFinding().path("evidence").path("drift").asText()));
        assertThat(driftFinding().path("evidence").path("path").asText()).isEqualTo("$.records[*].Amount");
        await().atMost(WAIT).until(() -> metrics().contains(findings("type-changed", "breaking") + " 1.0"));

        // Recovered: the series stay at zero; removed probe: its series go.
        sandbox.resetScenarios();
        await().atMost(WAIT).until(() -> "pass".equals(latest().path("outcome").asText()));
        await().atMost(WAIT).until(() -> metrics().contains(findings("type-changed", "breaking") + " 0.0"));
        Files.delete(probeFile);
        await().atMost(WAIT).until(() -> !metrics().contains("probe=\"" + ID + "\""));
    }

    @Test
    void driftHistoryAndItsGaugeSurviveARestart() throws Exception {
        sandbox.setScenario(Scenario.of("field-retyped"));
        await().atMost(WAIT)
                .until(() -> driftFinding().path("evidence").path("runs").asInt() >= 2);
        JsonNode before = driftFinding().path("evidence");
        String firstSeen = before.path("firstSeen").asText();
        int runs = before.path("runs").asInt();

        daemon.close();
        daemon = new Daemon(settings, Clock.systemUTC()).start();
        // Restored from the stored run before the new daemon's first run of the probe has to happen.
        assertThat(metrics()).contains(findings("type-changed", "breaking") + " 1.0");
        await().atMost(WAIT)
                .until(() -> driftFinding().path("evidence").path("runs").asInt() > runs);
        assertThat(driftFinding().path("evidence").path("firstSeen").asText()).isEqualTo(firstSeen);
    }
}
