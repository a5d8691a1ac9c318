package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.support.LoopbackServer;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every shipped probe runs in a real daemon against the sandbox, with failures, drift, alerts, webhooks
 * and a rejected push, while logs are captured at DEBUG. Afterwards no configured secret appears in any
 * log line, the audit trail, the store (through the API and pages), the metrics or a delivered alert.
 */
class DaemonSecretLeakTest {
    static final String WEBHOOK_SECRET = "whsec-never-shown-7f3a";
    static final String PUSH_TOKEN = "push-token-never-shown-91c2";

    @TempDir
    Path dir;

    @Test
    void noSecretSurfacesAnywhereTheDaemonWrites() throws Exception {
        List<String> webhookBodies = new CopyOnWriteArrayList<>();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger driftwatch = (Logger) LoggerFactory.getLogger("io.driftwatch");
        Level before = driftwatch.getLevel();
        logs.start();
        root.addAppender(logs);
        driftwatch.setLevel(Level.DEBUG);
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder()
                        .keyDirectory(dir.resolve("keys"))
                        .build());
                LoopbackServer receiver = new LoopbackServer()) {
            receiver.route("/hook", ex -> {
                webhookBodies.add(ex.getRequestHeaders() + "\n"
                        + new String(ex.getRequestBody().readAllBytes()));
                LoopbackServer.respond(ex, 204, "text/plain", "");
            });
            Map<String, String> env = new HashMap<>(sandbox.environment());
            env.put("DRIFTWATCH_WEBHOOK_SECRET", WEBHOOK_SECRET);
            env.put("DRIFTWATCH_WEBHOOK_URL", receiver.baseUrl() + "/hook");
            env.put("DRIFTWATCH_SMTP_PORT", "9");
            env.put("DRIFTWATCH_SMTP_USERNAME", "driftwatch");
            env.put("DRIFTWATCH_SMTP_PASSWORD", "smtp-pass-never-shown-55e1");
            env.put("DRIFTWATCH_PUSH_TOKEN", PUSH_TOKEN);
            List<String> secrets = new ArrayList<>(List.of(
                    WEBHOOK_SECRET,
                    PUSH_TOKEN,
                    "smtp-pass-never-shown-55e1",
                    env.get("QBO_CLIENT_SECRET"),
                    env.get("QBO_REFRESH_TOKEN"),
                    env.get("SF_CLIENT_SECRET"),
                    env.get("SMARTY_AUTH_TOKEN")));
            secrets.add(Files.readString(Path.of(env.get("SF_PRIVATE_KEY_FILE")))
                    .lines()
                    .filter(l -> !l.startsWith("-----"))
                    .findFirst()
                    .orElseThrow());

            Path probes = ShippedProbes.copyWithShortSchedules(dir.resolve("probes"));
            Settings settings = LoopbackSettings.of(
                    probes,
                    ShippedProbes.repo().resolve("baselines"),
                    ShippedProbes.repo().resolve("alerting"),
                    dir.resolve("data"),
                    env);
            HttpClient http = HttpClient.newHttpClient();
            try (Daemon daemon = new Daemon(settings, Clock.systemUTC()).start()) {
                String base = "http://127.0.0.1:" + daemon.port();
                // Failing Smarty calls (the token is in the query string) and drift in every vendor.
                sandbox.setScenario(Scenario.of("server-errors", Map.of("vendor", "smarty")));
                sandbox.setScenario(Scenario.of("revoked-token"));
                await().atMost(Duration.ofSeconds(60)).until(() -> !webhookBodies.isEmpty());
                sandbox.resetScenarios();
                sandbox.setScenario(Scenario.of("field-retyped"));
                long seen = webhookBodies.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> webhookBodies.size() > seen);

                var push = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/reconcile/sf-opportunity-vs-qbo-invoice"))
                                .header("Authorization", "Bearer " + PUSH_TOKEN + "-wrong")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"source\":[],\"target\":[]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(push.statusCode()).isEqualTo(401);

                StringBuilder surfaces = new StringBuilder();
                List<String> paths = new ArrayList<>(
                        List.of("/", "/metrics", "/api/v1/probes", "/api/v1/alerts", "/api/v1/connections"));
                for (JsonNode p : new ObjectMapper().readTree(get(http, base + "/api/v1/probes"))) {
                    paths.add("/api/v1/probes/" + p.get("id").asText());
                    paths.add("/probes/" + p.get("id").asText());
                }
                for (String path : paths)
                    surfaces.append(get(http, base + path)).append('\n');
                surfaces.append(push.body());
                assertThat(surfaces)
                        .contains("smarty-known-address")
                        .contains("field")
                        .contains("driftwatch_");

                String audit;
                try (Stream<Path> files = Files.walk(dir.resolve("data/audit"))) {
                    StringBuilder all = new StringBuilder();
                    for (Path f : files.filter(Files::isRegularFile).toList()) all.append(Files.readString(f));
                    audit = all.toString();
                }
                assertThat(audit).contains("smarty");
                String logText = String.join(
                        "\n",
                        logs.list.stream()
                                .map(e -> e.getFormattedMessage()
                                        + (e.getThrowableProxy() == null
                                                ? ""
                                                : " " + e.getThrowableProxy().getMessage()))
                                .toList());
                assertThat(logs.list).isNotEmpty();

                for (String secret : secrets) {
                    assertThat(secret).isNotBlank();
                    assertThat(surfaces.toString()).as("API, pages and metrics").doesNotContain(secret);
                    assertThat(audit).as("audit trail").doesNotContain(secret);
                    assertThat(logText).as("logs").doesNotContain(secret);
                    assertThat(String.join("\n", webhookBodies)).as("webhooks").doesNotContain(secret);
                }
            }
        } finally {
            root.detachAppender(logs);
            driftwatch.setLevel(before);
        }
    }

    static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
