package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.ActiveConfig;
import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.LoadedConfig;
import io.driftwatch.support.LoopbackServer;
import io.driftwatch.testing.LoopbackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A start with more probe files than the prefix the daemon schedules first: every valid probe ends up
 * scheduled, the active configuration is the one a one-step load gives, and the log and alerting hear of
 * the folder once, as from a one-step load (the prefix step is silent).
 */
class DaemonPrefixStartTest {
    static final int PREFIX = 4;

    @TempDir
    Path dir;

    Path probes;
    LoopbackServer target;
    Daemon daemon;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger daemonLog = (Logger) LoggerFactory.getLogger(Daemon.class);
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        target = new LoopbackServer().json("/ok", 200, "{\"ok\":true}");
        probes = dir.resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        Files.writeString(probes.resolve("connections/local.yaml"), "baseUrl: " + target.baseUrl() + "\n");
        for (int i = 0; i < 10; i++) write(i, probe("probe-%02d".formatted(i)));
        // After the prefix (p00-p03): a broken file and a file repeating a prefix probe's id.
        write(6, probe("probe-06").replace("1h", "soon"));
        write(8, probe("probe-01"));
        logs.start();
        daemonLog.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        daemonLog.detachAppender(logs);
        if (daemon != null) daemon.close();
        target.close();
    }

    void write(int file, String text) throws Exception {
        Files.writeString(probes.resolve("p%02d.yaml".formatted(file)), text);
    }

    static String probe(String id) {
        return """
                id: %s
                connection: local
                schedule: { every: 1h }
                request: { path: /ok }
                """.formatted(id);
    }

    Daemon start() throws Exception {
        var settings = LoopbackSettings.under(dir, probes, Map.of());
        return new Daemon(settings, Clock.systemUTC(), PREFIX).start();
    }

    List<String> logLines() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    JsonNode alerts() throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/api/v1/alerts"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new ObjectMapper().readTree(body);
    }

    @Test
    void schedulesEveryValidProbeAndReportsTheFolderOnce() throws Exception {
        LoadedConfig oneStep = new ConfigLoader().load(probes, Map.of());
        assertThat(oneStep.problems())
                .extracting(ConfigProblem::file)
                .contains(probes.resolve("p06.yaml"), probes.resolve("p08.yaml"));

        daemon = start();

        assertThat(daemon.scheduler().scheduledIds())
                .containsExactlyInAnyOrder(
                        "probe-00", "probe-01", "probe-02", "probe-03", "probe-04", "probe-05", "probe-07", "probe-09");
        assertThat(daemon.engine().active())
                .isEqualTo(ActiveConfig.EMPTY.apply(oneStep).next());
        List<String> lines = logLines();
        List<String> expectedProblems = oneStep.problems().stream()
                .map(p -> "invalid configuration: " + p)
                .toList();
        assertThat(lines.stream().filter(l -> l.startsWith("invalid configuration: ")))
                .containsExactlyElementsOf(expectedProblems);
        assertThat(lines.stream().filter(l -> l.startsWith("configuration reloaded: ")))
                .containsExactly("configuration reloaded: 8 added, 0 changed, 0 removed, "
                        + oneStep.problems().size() + " problems");
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l).startsWith("driftwatch listening").endsWith(" with 8 probes"));

        // Alerting heard of the problems once: one observation of the open configuration alert.
        JsonNode open = alerts();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("alertKey").asText()).isEqualTo("config/probes");
        assertThat(open.get(0).get("runs").asInt()).isEqualTo(1);
        String since = open.get(0).get("since").asText();

        // Restarted with the same files: the prefix, which has no problems, does not resolve the alert
        // only for the whole load to raise it again. The same incident goes on.
        daemon.close();
        daemon = start();
        JsonNode again = alerts();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("runs").asInt()).isEqualTo(2);
        assertThat(again.get(0).get("since").asText()).isEqualTo(since);
    }

    @Test
    void aBrokenFileInThePrefixIsReportedOnce() throws Exception {
        write(1, probe("probe-01").replace("1h", "soon"));
        LoadedConfig oneStep = new ConfigLoader().load(probes, Map.of());
        assertThat(oneStep.problems()).extracting(ConfigProblem::file).contains(probes.resolve("p01.yaml"));

        daemon = start();

        assertThat(daemon.engine().active())
                .isEqualTo(ActiveConfig.EMPTY.apply(oneStep).next());
        assertThat(daemon.scheduler().scheduledIds())
                .hasSize(daemon.engine().active().probes().size())
                .doesNotContain("probe-01");
        assertThat(logLines().stream().filter(l -> l.startsWith("invalid configuration: ")))
                .containsExactlyElementsOf(oneStep.problems().stream()
                        .map(p -> "invalid configuration: " + p)
                        .toList());
        JsonNode open = alerts();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("runs").asInt()).isEqualTo(1);
    }
}
