package io.driftwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.cli.Daemon;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.testing.LoopbackSettings;
import java.io.IOException;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Grafana dashboard and the Prometheus rules query is one a running daemon exports.
 * The daemon runs the shipped probes, baselines and alerting configuration against the sandbox (with
 * schedules shortened so every probe runs within seconds), and its {@code /metrics} is scraped.
 */
class DashboardMetricsTest {
    static final Path REPO = Path.of(System.getProperty("driftwatch.repo.root", "."));
    static final Pattern METRIC = Pattern.compile("\\b(?:driftwatch[_:]|jvm_|process_|system_)[a-zA-Z0-9_:]*");
    static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);

    /**
     * Series that only exist under conditions the sandbox cannot create, each with the reason and the
     * test that covers it instead.
     */
    static final Map<String, String> CONDITIONAL = Map.of(
            "driftwatch_certificate_expiry_seconds",
            "HTTPS probes only; the sandbox speaks HTTP (DriftwatchMetricsTest covers the series)");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static Daemon daemon;
    static Map<String, String> exported; // name -> type

    @BeforeAll
    static void scrapeARunningDaemon() throws Exception {
        sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build());
        Path probes = dir.resolve("probes");
        io.driftwatch.support.ShippedProbes.copyWithShortSchedules(probes);
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("DRIFTWATCH_WEBHOOK_SECRET", "dashboard-test-secret");
        env.put("DRIFTWATCH_WEBHOOK_URL", "http://127.0.0.1:9/unreachable");
        env.put("DRIFTWATCH_SMTP_PORT", "9");
        Path baselines = dir.resolve("baselines");
        copyBaselinesWithLatency(REPO.resolve("baselines"), baselines);
        daemon = new Daemon(
                        LoopbackSettings.of(probes, baselines, REPO.resolve("alerting"), dir.resolve("data"), env),
                        Clock.systemUTC())
                .start();
        // Every loaded probe has run at least once.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode all = new ObjectMapper().readTree(get("/api/v1/probes"));
            if (all.isEmpty()) return false;
            for (JsonNode p : all) if (p.get("latest").isNull()) return false;
            return true;
        });
        // A vendor field changes type, so drift findings exist too; wait for one to be counted.
        sandbox.setScenario(io.driftwatch.sandbox.Scenario.of("field-retyped"));
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/metrics").contains("driftwatch_drift_findings{"));
        String text = get("/metrics");
        exported = new TreeMap<>();
        Matcher m = TYPE.matcher(text);
        while (m.find()) exported.put(m.group(1), m.group(2));
    }

    @AfterAll
    static void stop() {
        if (daemon != null) daemon.close();
        if (sandbox != null) sandbox.close();
    }

    static String get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /**
     * The shipped baselines carry no latency (they were recorded against the sandbox, whose timings say
     * nothing about a vendor); a team's own recording has it, so the copy gets one.
     */
    static void copyBaselinesWithLatency(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(f.toFile());
                node.putObject("latency").put("p50", 80.0).put("p95", 120.0).put("p99", 150.0);
                Files.writeString(to.resolve(f.getFileName()), node.toPrettyString());
            }
        }
    }

    /** Metric names (and recording rule names) in every query string of a JSON or YAML document. */
    static Set<String> queried(JsonNode node) {
        Set<String> names = new TreeSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Matcher m = METRIC.matcher(node.asText());
            while (m.find()) names.add(m.group());
        }
        node.forEach(child -> collect(child, names));
    }

    /** True when the scrape has the series: the name itself or a histogram/summary's sample name. */
    static boolean isExported(String name) {
        if (exported.containsKey(name)) return true;
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_total"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String type = exported.get(base);
                if (type != null) return !suffix.equals("_bucket") || type.equals("histogram");
            }
        }
        return false;
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(REPO.resolve("grafana/dashboards/driftwatch.json").toFile());
        Set<String> recorded = recordingRules();
        Set<String> missing = new TreeSet<>();
        for (String name : queried(dashboard)) {
            if (name.contains(":")) {
                assertThat(recorded)
                        .as("recording rule %s used by the dashboard", name)
                        .contains(name);
            } else if (!isExported(name) && !CONDITIONAL.containsKey(name)) {
                missing.add(name);
            }
        }
        assertThat(missing)
                .as("dashboard metrics the daemon does not export; exported: %s", exported.keySet())
                .isEmpty();
    }

    @Test
    void everyMetricThePrometheusRulesQueryIsExported() throws IOException {
        JsonNode rules = new YAMLMapper()
                .readTree(REPO.resolve("deploy/prometheus/rules.yml").toFile());
        Set<String> recorded = recordingRules();
        Set<String> missing = new TreeSet<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                for (String name : queried(rule.get("expr"))) {
                    if (!recorded.contains(name) && !isExported(name) && !CONDITIONAL.containsKey(name)) {
                        missing.add(name);
                    }
                }
            }
        }
        assertThat(missing).as("rule metrics the daemon does not export").isEmpty();
    }

    @Test
    void liveScrapePassesPromtoolCheckMetrics() throws Exception {
        Path promtool = null;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, "promtool"))) promtool = Path.of(d, "promtool");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                promtool != null, "promtool not installed (apt-get install prometheus); skipping");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(get("/metrics").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void typesFollowTheNames() {
        // Counters end in _total, the two latency distributions are histograms, everything else is a gauge.
        Set<String> histograms = Set.of("driftwatch_probe_duration_seconds", "driftwatch_schedule_lag_seconds");
        exported.forEach((name, type) -> {
            if (!name.startsWith("driftwatch_") || name.endsWith("_max")) return;
            String expected = name.endsWith("_total") ? "counter" : histograms.contains(name) ? "histogram" : "gauge";
            assertThat(type).as(name).isEqualTo(expected);
        });
        assertThat(exported.keySet()).containsAll(histograms);
    }

    @Test
    void labelsAreBoundedToConfigIdsAndFixedValues() throws Exception {
        // No label value may be a URL or look like one: ids from configuration and enums only.
        for (String line :
                get("/metrics").lines().filter(l -> l.startsWith("driftwatch_")).toList()) {
            assertThat(line)
                    .doesNotContain("http://")
                    .doesNotContain("https://")
                    .doesNotContain("127.0.0.1");
        }
    }

    @Test
    void conditionalSeriesAreDeclaredByTheDaemon() {
        // A name in CONDITIONAL must still be one the daemon's code can emit (guards against typos).
        for (String name : CONDITIONAL.keySet()) {
            var metrics = new io.driftwatch.metrics.DriftwatchMetrics();
            metrics.certificateObserved("p", 30);
            assertThat(metrics.scrape()).contains("# TYPE " + name + " ");
        }
    }

    static Set<String> recordingRules() throws IOException {
        JsonNode rules = new YAMLMapper()
                .readTree(REPO.resolve("deploy/prometheus/rules.yml").toFile());
        Set<String> names = new TreeSet<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                if (rule.has("record")) names.add(rule.get("record").asText());
            }
        }
        return names;
    }
}
