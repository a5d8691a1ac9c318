package io.driftwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, the Dockerfile and what they mount, checked structurally: this machine has no
 * Docker engine, so the stack is validated by reading the files and cross-checking them against each
 * other and the repository (paths exist, ports and host names agree, every required variable is set).
 */
class ComposeStackTest {
    static final Path REPO = Path.of(System.getProperty("driftwatch.repo.root", "."));
    static final Pattern VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

    static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(REPO.resolve("docker-compose.yml").toFile());
    }

    static JsonNode service(String name) throws IOException {
        JsonNode s = compose().path("services").path(name);
        assertThat(s.isObject()).as("service %s", name).isTrue();
        return s;
    }

    /** "./host:/container[:ro]" bind mounts and "named:/container" volume mounts of a service. */
    record Mount(String source, String target, boolean bind) {}

    static List<Mount> mounts(JsonNode service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode v : service.path("volumes")) {
            String[] parts = v.asText().split(":");
            mounts.add(new Mount(parts[0], parts[1], parts[0].startsWith(".") || parts[0].startsWith("/")));
        }
        return mounts;
    }

    static String environment(JsonNode service, String name) {
        JsonNode env = service.path("environment");
        return env.has(name) ? env.get(name).asText() : null;
    }

    @Test
    void theStackHasDriftwatchPrometheusGrafanaAndAMailCatcher() throws IOException {
        assertThat(compose().path("services").fieldNames())
                .toIterable()
                .contains("driftwatch", "prometheus", "grafana", "mailcatcher");
        JsonNode dw = service("driftwatch");
        assertThat(dw.path("build").asText()).isEqualTo(".");
        assertThat(REPO.resolve("Dockerfile")).isRegularFile();
        assertThat(dw.path("healthcheck").path("test").toString()).contains("/readyz");
        assertThat(dw.path("env_file").asText()).isEqualTo(".env");
        assertThat(REPO.resolve(".env.example")).isRegularFile();
    }

    @Test
    void theDaemonsContainerHasAMemoryLimitForItsHeapToBeSizedFrom() throws IOException {
        assertThat(service("driftwatch").path("mem_limit").asText())
                .as("the image's -XX:MaxRAMPercentage needs a limit, else it sizes the heap from the host")
                .matches("[0-9]+[mg]");
        assertThat(Files.readString(REPO.resolve("Dockerfile"))).contains("-XX:MaxRAMPercentage=");
    }

    @Test
    void everyBindMountExistsAndEveryNamedVolumeIsDeclared() throws IOException {
        Set<String> declared = new HashSet<>();
        compose().path("volumes").fieldNames().forEachRemaining(declared::add);
        for (var services = compose().path("services").fields(); services.hasNext(); ) {
            var s = services.next();
            for (Mount m : mounts(s.getValue())) {
                if (m.bind())
                    assertThat(REPO.resolve(m.source()))
                            .as("%s mounts %s", s.getKey(), m.source())
                            .exists();
                else
                    assertThat(declared)
                            .as("%s uses volume %s", s.getKey(), m.source())
                            .contains(m.source());
            }
        }
        // Data that must survive a re-create lives in named volumes.
        assertThat(mounts(service("driftwatch"))).contains(new Mount("driftwatch-data", "/app/data", false));
        assertThat(mounts(service("prometheus")))
                .anyMatch(m -> !m.bind() && m.target().equals("/prometheus"));
        assertThat(mounts(service("grafana")))
                .anyMatch(m -> !m.bind() && m.target().equals("/var/lib/grafana"));
    }

    @Test
    void portsListenOnLoopbackOnly() throws IOException {
        for (var services = compose().path("services").fields(); services.hasNext(); ) {
            var s = services.next();
            for (JsonNode p : s.getValue().path("ports")) {
                assertThat(p.asText()).as("%s port", s.getKey()).startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void prometheusScrapesTheDaemonWhereComposeRunsIt() throws IOException {
        JsonNode dw = service("driftwatch");
        String port = environment(dw, "DRIFTWATCH_PORT");
        assertThat(port).isNotNull();
        assertThat(dw.path("ports").toString()).contains(":" + port + ":" + port);
        assertThat(dw.path("healthcheck").path("test").toString()).contains("127.0.0.1:" + port + "/readyz");

        Mount config = mounts(service("prometheus")).stream()
                .filter(m -> m.target().equals("/etc/prometheus"))
                .findFirst()
                .orElseThrow();
        Path dir = REPO.resolve(config.source());
        JsonNode prometheus =
                new YAMLMapper().readTree(dir.resolve("prometheus.yml").toFile());
        assertThat(prometheus.path("scrape_configs").toString()).contains("driftwatch:" + port);
        for (JsonNode rules : prometheus.path("rule_files")) {
            assertThat(dir.resolve(rules.asText())).as("rule file").isRegularFile();
        }
        assertThat(service("prometheus").path("command").toString())
                .contains("--config.file=/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaProvisionsThePrometheusDatasourceAndTheMountedDashboards() throws IOException {
        List<Mount> mounts = mounts(service("grafana"));
        Mount provisioning = mounts.stream()
                .filter(m -> m.target().equals("/etc/grafana/provisioning"))
                .findFirst()
                .orElseThrow();
        Path dir = REPO.resolve(provisioning.source());
        JsonNode datasources = new YAMLMapper()
                .readTree(dir.resolve("datasources/prometheus.yml").toFile());
        assertThat(datasources.path("datasources").get(0).path("url").asText()).isEqualTo("http://prometheus:9090");
        JsonNode providers = new YAMLMapper()
                .readTree(dir.resolve("dashboards/driftwatch.yml").toFile());
        String path =
                providers.path("providers").get(0).path("options").path("path").asText();
        Mount dashboards = mounts.stream()
                .filter(m -> m.target().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mount for the dashboard provider path " + path));
        try (Stream<Path> files = Files.list(REPO.resolve(dashboards.source()))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).isNotEmpty();
        }
        assertThat(environment(service("grafana"), "GF_SECURITY_ADMIN_PASSWORD"))
                .contains("GRAFANA_ADMIN_PASSWORD");
    }

    @Test
    void emailGoesToTheMailCatcher() throws IOException {
        JsonNode dw = service("driftwatch");
        assertThat(environment(dw, "DRIFTWATCH_SMTP_HOST")).isEqualTo("mailcatcher");
        assertThat(environment(dw, "DRIFTWATCH_SMTP_PORT")).isEqualTo("1025");
        // The names compose sets are the ones the shipped alerting configuration reads.
        String channels = Files.readString(REPO.resolve("alerting/channels.yaml"));
        assertThat(channels).contains("${DRIFTWATCH_SMTP_HOST").contains("${DRIFTWATCH_SMTP_PORT");
    }

    @Test
    void everyVariableTheShippedConfigRequiresIsInEnvExampleOrCompose() throws IOException {
        Set<String> provided = new TreeSet<>();
        for (String line : Files.readAllLines(REPO.resolve(".env.example"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0)
                provided.add(line.substring(0, eq).trim());
        }
        service("driftwatch").path("environment").fieldNames().forEachRemaining(provided::add);
        Set<String> missing = new TreeSet<>();
        for (String dir : List.of("probes", "alerting")) {
            try (Stream<Path> files = Files.walk(REPO.resolve(dir))) {
                for (Path f : files.filter(p ->
                                p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .toList()) {
                    Matcher m = VAR.matcher(Files.readString(f));
                    while (m.find()) {
                        boolean hasDefault = m.group(2) != null && m.group(2).contains("-");
                        if (!hasDefault && !provided.contains(m.group(1))) missing.add(m.group(1) + " (" + f + ")");
                    }
                }
            }
        }
        // compose's own ${VAR:?message} references come from .env
        Matcher m = VAR.matcher(Files.readString(REPO.resolve("docker-compose.yml")));
        while (m.find()) {
            if (!provided.contains(m.group(1))) missing.add(m.group(1) + " (docker-compose.yml)");
        }
        assertThat(missing)
                .as("variables without a default that .env.example does not list")
                .isEmpty();
    }

    @Test
    void dockerfileBuildsInStagesAndRunsAsAnUnprivilegedUserWithAHealthCheck() throws IOException {
        List<String> lines = Files.readAllLines(REPO.resolve("Dockerfile"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(0)).contains(" AS build");
        int last = lines.indexOf(from.get(from.size() - 1));
        List<String> runtime = lines.subList(last, lines.size());
        String user = runtime.stream()
                .filter(l -> l.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the runtime stage sets no USER"))
                .substring(5)
                .trim();
        assertThat(user).isNotIn("root", "0", "0:0");
        assertThat(runtime).anyMatch(l -> l.startsWith("HEALTHCHECK"));
        assertThat(String.join("\n", runtime)).contains("/readyz");
        // Every file the build copies from the repository exists (a missing folder breaks `docker build`).
        for (String l : lines) {
            if (!l.startsWith("COPY ") || l.contains("--from=")) continue;
            String[] words = l.replaceAll("--chown=\\S+", "").trim().split("\\s+");
            for (int i = 1; i < words.length - 1; i++) {
                assertThat(REPO.resolve(words[i]))
                        .as("Dockerfile copies %s", words[i])
                        .exists();
            }
        }
    }
}
