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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon end to end for reconciliation: the shipped reconcile probe scheduled against the sandbox
 * (result in /api/v1/probes, gauges on /metrics, an alert when amounts drift), and the push endpoint over
 * real HTTP with an H2 store that survives a restart.
 */
class ReconcileDaemonTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PROBE = "sf-opportunity-vs-qbo-invoice";
    static final String TOKEN = "push-token-5f1c2e9a7b";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Daemon daemon;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (daemon != null) daemon.close();
    }

    Daemon start(Path probes, Map<String, String> env) throws Exception {
        var settings = LoopbackSettings.under(dir, probes, env);
        return new Daemon(settings, Clock.systemUTC()).start();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path));
    }

    String metrics() throws Exception {
        return send(at("/metrics")).body();
    }

    JsonNode latest(String id) throws Exception {
        for (JsonNode p : JSON.readTree(send(at("/api/v1/probes")).body())) {
            if (p.get("id").asText().equals(id)) return p.get("latest");
        }
        throw new AssertionError("no probe " + id);
    }

    @Test
    void theShippedReconcileProbeIsScheduledShownMeasuredAndAlerted() throws Exception {
        Path probes = dir.resolve("probes");
        Path repoProbes = ShippedConfigTest.repo().resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        for (String c : new String[] {"salesforce.yaml", "quickbooks.yaml"}) {
            Files.copy(
                    repoProbes.resolve("connections").resolve(c),
                    probes.resolve("connections").resolve(c));
        }
        String shipped = Files.readString(repoProbes.resolve("reconcile/" + PROBE + ".yaml"));
        assertThat(shipped).contains("schedule: { every: 15m }");
        Files.writeString(probes.resolve(PROBE + ".yaml"), shipped.replace("every: 15m", "every: 1s"));

        try (Sandbox sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build())) {
            daemon = start(probes, new HashMap<>(sandbox.environment()));
            assertThat(daemon.scheduler().scheduledIds()).containsExactly(PROBE);

            await().atMost(WAIT).until(() -> latest(PROBE).isObject());
            JsonNode clean = latest(PROBE);
            assertThat(clean.get("outcome").asText()).as("%s", clean).isEqualTo("pass");
            assertThat(clean.get("checks").toString()).isEqualTo("[\"source\",\"target\",\"reconcile\"]");
            assertThat(clean.get("findings").get(0).get("message").asText()).endsWith("; 40 matched");
            await().atMost(WAIT)
                    .until(() -> metrics().contains("driftwatch_reconcile_delta{check=\"" + PROBE + "\"} 0.0"));
            assertThat(metrics())
                    .contains("driftwatch_reconcile_mismatches{check=\"" + PROBE + "\",kind=\"amount\"} 0.0")
                    .contains("driftwatch_probe_success{probe=\"" + PROBE + "\"} 1.0");

            sandbox.setScenario(Scenario.of("totals-off", Map.of("vendor", "salesforce")));
            await().atMost(WAIT)
                    .until(() -> metrics()
                            .contains("driftwatch_reconcile_mismatches{check=\"" + PROBE + "\",kind=\"amount\"} 40.0"));
            assertThat(metrics())
                    .contains("driftwatch_reconcile_delta{check=\"" + PROBE + "\"} 0.02")
                    .contains("driftwatch_probe_runs_total{outcome=\"fail\",probe=\"" + PROBE + "\"}");
            await().atMost(WAIT)
                    .until(() -> latest(PROBE).get("outcome").asText().equals("fail"));
            await().atMost(WAIT).until(() -> send(at("/api/v1/alerts")).body().contains("\"probe\":\"" + PROBE + "\""));
            JsonNode history =
                    JSON.readTree(send(at("/api/v1/probes/" + PROBE)).body()).get("history");
            assertThat(history.size()).isGreaterThanOrEqualTo(2);
        }
    }

    Path pushProbes() throws Exception {
        Path probes = dir.resolve("push-probes");
        Files.createDirectories(probes);
        Files.writeString(probes.resolve("before.json"), "[]");
        Files.writeString(probes.resolve("after.json"), "[]");
        Files.writeString(probes.resolve("orders.yaml"), """
                id: orders-transform
                kind: reconcile
                schedule: { every: 1d }
                source: { name: before, file: before.json, key: $.id, amount: $.amount }
                target: { name: after, file: after.json, key: $.id, amount: $.amount }
                """);
        return probes;
    }

    HttpResponse<String> push(String check, String token, String idempotencyKey, String body) throws Exception {
        var request = at("/api/v1/reconcile/" + check)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return send(request);
    }

    static final String OFF_BY_TWO_CENTS = """
            {"source": [{"id": "A-1", "amount": 10.00}, {"id": "A-2", "amount": 5.00}],
             "target": [{"id": "A-1", "amount": 10.02}, {"id": "A-2", "amount": 5.00}]}""";

    @Test
    void pushesAreAuthenticatedCappedValidatedIdempotentAndRecordedAsRuns() throws Exception {
        Map<String, String> env = Map.of("DRIFTWATCH_PUSH_TOKEN", TOKEN, "DRIFTWATCH_PUSH_MAX_BYTES", "4096");
        daemon = start(pushProbes(), env);
        String check = "orders-transform";

        HttpResponse<String> anonymous = push(check, null, null, OFF_BY_TWO_CENTS);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"driftwatch\"");
        HttpResponse<String> wrong = push(check, "guessed-token-123", null, OFF_BY_TWO_CENTS);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body())
                .isEqualTo("{\"error\":\"a valid bearer token is required (Authorization: Bearer"
                        + " <DRIFTWATCH_PUSH_TOKEN>)\"}")
                .doesNotContain("guessed-token-123")
                .doesNotContain(TOKEN);
        assertThat(send(at("/api/v1/reconcile/" + check).header("Authorization", "Bearer " + TOKEN))
                        .statusCode())
                .isEqualTo(405);

        HttpResponse<String> oversized = push(check, TOKEN, "big-1", "{\"source\":[" + "{}, ".repeat(2000) + "{}]}");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).isEqualTo("{\"error\":\"body exceeds 4096 bytes\"}");

        HttpResponse<String> malformed = push(check, TOKEN, "run-1", "{\"source\": [}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").asText())
                .startsWith("malformed JSON at line 1 column 13: ");
        HttpResponse<String> incomplete = push(check, TOKEN, "run-1", "{\"source\": []}");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).isEqualTo("{\"error\":\"missing field 'target'\"}");
        assertThat(push("no-such-check", TOKEN, "run-1", OFF_BY_TWO_CENTS).statusCode())
                .isEqualTo(404);
        assertThat(JSON.readTree(send(at("/api/v1/probes/" + check)).body())
                        .get("history")
                        .size())
                .as("a refused push records no run")
                .isZero();

        // The id refused above was never stored, so it is still free.
        HttpResponse<String> accepted = push(check, TOKEN, "run-1", OFF_BY_TWO_CENTS);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode result = JSON.readTree(accepted.body());
        assertThat(result.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(result.get("largestAbsDelta").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(result.get("mismatches").get("amount").asInt()).isEqualTo(1);
        assertThat(result.get("findings").get(0).get("message").asText())
                .isEqualTo("A-1: before amount 10.00, after amount 10.02 (delta 0.02 > 0.01)");

        HttpResponse<String> replay = push(check, TOKEN, "run-1", OFF_BY_TWO_CENTS);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(accepted.body());
        HttpResponse<String> reused = push(check, TOKEN, "run-1", OFF_BY_TWO_CENTS.replace("10.02", "10.00"));
        assertThat(reused.statusCode()).isEqualTo(422);

        // The store writes in the background; the run counter below is synchronous and says "one run".
        await().atMost(WAIT)
                .until(() -> JSON.readTree(send(at("/api/v1/probes/" + check)).body())
                                .get("history")
                                .size()
                        == 1);
        JsonNode runs =
                JSON.readTree(send(at("/api/v1/probes/" + check)).body()).get("history");
        assertThat(runs.get(0).get("outcome").asText()).isEqualTo("fail");
        assertThat(latest(check).get("checks").get(0).asText()).isEqualTo("push");
        String scrape = metrics();
        assertThat(scrape)
                .contains("driftwatch_reconcile_delta{check=\"" + check + "\"} 0.02")
                .contains("driftwatch_reconcile_mismatches{check=\"" + check + "\",kind=\"amount\"} 1.0")
                .contains("driftwatch_probe_runs_total{outcome=\"fail\",probe=\"" + check + "\"} 1.0")
                .doesNotContain(TOKEN);
        // A second failing push (its own id) is the second consecutive failure: the alert fires.
        assertThat(push(check, TOKEN, "run-2", OFF_BY_TWO_CENTS).statusCode()).isEqualTo(200);
        assertThat(send(at("/api/v1/alerts")).body()).contains("\"alertKey\":\"" + check + "/totals\"");

        // The idempotency record lives in the H2 store: a restarted daemon still replays.
        daemon.close();
        daemon = start(pushProbes(), env);
        HttpResponse<String> afterRestart = push(check, TOKEN, "run-1", OFF_BY_TWO_CENTS);
        assertThat(afterRestart.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(afterRestart.body()).isEqualTo(accepted.body());
    }

    @Test
    void withoutATokenThePushEndpointIsDisabled() throws Exception {
        daemon = start(pushProbes(), Map.of());
        HttpResponse<String> r = push("orders-transform", "anything", null, OFF_BY_TWO_CENTS);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body())
                .isEqualTo("{\"error\":\"push endpoint disabled: set DRIFTWATCH_PUSH_TOKEN to enable it\"}");
    }
}
