package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code driftwatch demo} end to end on ephemeral ports with the shipped probes/ and alerting/: probes run
 * against the sandbox, a scenario produces failing findings, the alert reaches the sandbox inbox and
 * resolves when the next healthy phase comes.
 */
class DemoCommandTest {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void demoShowsFindingsAndDeliversAlertsToTheInbox() throws Exception {
        Path repo = ShippedConfigTest.repo();
        var out = new StringWriter();
        var options = new DemoRun.Options(
                repo.resolve("probes"),
                repo.resolve("baselines"),
                repo.resolve("alerting"),
                dir.resolve("data"),
                0,
                0,
                Duration.ofMillis(300),
                Duration.ofSeconds(3));
        try (DemoRun demo = DemoRun.start(options, new PrintWriter(out, true))) {
            demo.printIntro();
            URI api = demo.daemonUri();
            assertThat(out.toString())
                    .contains(api.resolve("api/v1/probes").toString())
                    .contains(api.resolve("metrics").toString())
                    .contains(demo.sandbox().pageUri().toString());

            // Probes ran and passed while every vendor was healthy.
            await().atMost(WAIT).until(() -> outcomes(api).contains("qbo-invoice-read:pass"));

            // A scenario turned runs into failures with findings from the checks.
            Set<String> failingKinds = ConcurrentHashMap.newKeySet();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (JsonNode p : get(api.resolve("api/v1/probes"))) {
                    JsonNode latest = p.path("latest");
                    if (!latest.path("outcome").asText().equals("fail")) continue;
                    for (JsonNode f : latest.path("findings"))
                        failingKinds.add(f.path("kind").asText());
                }
                return failingKinds.stream()
                        .anyMatch(k -> Set.of("latency", "assertion", "totals").contains(k));
            });

            // The alert went out through the (redirected) shipped channels and later resolved.
            URI inbox = demo.sandbox().inboxUri();
            await().atMost(WAIT).until(() -> events(inbox).contains("firing"));
            await().atMost(WAIT).until(() -> events(inbox).contains("resolved"));
            JsonNode message = get(inbox).path("messages").get(0);
            assertThat(message.path("signed").asBoolean()).isTrue();
            assertThat(message.path("body").path("probe").path("id").asText()).isNotBlank();

            String page = getText(demo.sandbox().pageUri());
            assertThat(page).contains("Inbox").contains("resolved");
            assertThat(getText(api.resolve("metrics"))).contains("driftwatch_probe_runs_total");
        }
        assertThat(out.toString())
                .contains("phase field-retyped")
                .contains("phase healthy")
                .containsPattern("alert firing \\(\\w+\\) via [\\w-]+: ");
    }

    @Test
    void boundedRunFromTheCommandLineExitsZero() {
        Path repo = ShippedConfigTest.repo();
        var out = new StringWriter();
        CommandLine cl = Main.commandLine().setOut(new PrintWriter(out, true));
        int code = cl.execute(
                "demo",
                "--port=0",
                "--sandbox-port=0",
                "--duration=1s",
                "--probes=" + repo.resolve("probes"),
                "--alerting=" + repo.resolve("alerting"),
                "--baselines=" + repo.resolve("baselines"));
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("/api/v1/probes")
                .contains("__admin/")
                .contains("(deleted on exit)");
    }

    @Test
    void rejectsABadDuration() {
        var err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err, true)).execute("demo", "--cycle=soon");
        assertThat(code).isEqualTo(Main.BAD_CONFIG);
        assertThat(err.toString()).contains("expected a duration like 500ms, 5s or 1m, got 'soon'");
    }

    private String outcomes(URI api) throws Exception {
        var sb = new StringBuilder();
        for (JsonNode p : get(api.resolve("api/v1/probes")))
            sb.append(p.path("id").asText())
                    .append(':')
                    .append(p.path("latest").path("outcome").asText())
                    .append(' ');
        return sb.toString();
    }

    private Set<String> events(URI inbox) throws Exception {
        Set<String> events = new java.util.HashSet<>();
        for (JsonNode m : get(inbox).path("messages"))
            events.add(m.path("body").path("event").asText());
        return events;
    }

    private JsonNode get(URI uri) throws Exception {
        return JSON.readTree(getText(uri));
    }

    private String getText(URI uri) throws Exception {
        HttpResponse<String> r =
                http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s", uri).isEqualTo(200);
        return r.body();
    }
}
