package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.LoadedConfig;
import io.driftwatch.http.Redactor;
import io.driftwatch.vendor.ConnectionReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftwatch connections}: each connection in probes/connections with its vendor, auth type and
 * auth state. Live state (token cached, refresh-token expiry, last error such as invalid_grant) lives in
 * the running daemon, so it is read from its {@code /api/v1/connections}; without a daemon the command
 * shows configuration only. Never prints a credential. Exit: 0 ok, 1 an authorization is failing or
 * lost, 2 a connection file does not load.
 */
@Command(
        name = "connections",
        mixinStandardHelpOptions = true,
        description = "Show each vendor connection's auth type and state (never its secrets).")
public final class ConnectionsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--probes",
            paramLabel = "DIR",
            defaultValue = "${env:DRIFTWATCH_PROBES:-probes}",
            description = "Probe files directory (env DRIFTWATCH_PROBES, default: ${DEFAULT-VALUE}).")
    Path probes;

    @Option(
            names = "--daemon",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:${env:DRIFTWATCH_PORT:-9464}",
            description = "The running daemon to ask for live auth state (default: ${DEFAULT-VALUE}).")
    URI daemon;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** The environment connection files are resolved against; tests replace it. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(probes)) {
            err.println("probes directory not found: " + probes);
            err.flush();
            return Main.BAD_CONFIG;
        }
        LoadedConfig loaded = new ConfigLoader().load(probes, env);
        Redactor redactor = Redactor.of(loaded.secretValues());
        Path connectionsDir =
                probes.resolve(ConfigLoader.CONNECTIONS_DIR).toAbsolutePath().normalize();
        List<ConfigProblem> problems = loaded.problems().stream()
                .filter(p -> p.file() != null
                        && p.file().toAbsolutePath().normalize().startsWith(connectionsDir))
                .toList();

        Optional<Map<String, JsonNode>> live = fetch();
        var reports = new ArrayList<ObjectNode>();
        var now = Clock.systemUTC().instant();
        for (ConnectionDefinition c : new TreeMap<>(loaded.connections()).values()) {
            JsonNode fromDaemon = live.map(m -> m.get(c.id())).orElse(null);
            reports.add(
                    fromDaemon instanceof ObjectNode o
                            ? o
                            : ConnectionReport.json(c, Optional.empty(), OptionalDouble.empty(), now));
        }

        String text = json ? json(reports, problems, live.isPresent()) : text(reports, problems, live.isPresent());
        out.print(redactor.redact(text));
        out.flush();
        if (!problems.isEmpty()) return Main.BAD_CONFIG;
        boolean broken = reports.stream().anyMatch(r -> {
            String state = r.path("state").asText("");
            return state.equals("lost") || state.equals("failing");
        });
        return broken ? Main.FAILED : Main.OK;
    }

    /** Connection id to live report, or empty when the daemon does not answer. */
    private Optional<Map<String, JsonNode>> fetch() {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(daemon.resolve("/api/v1/connections"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return Optional.empty();
            JsonNode arr = JSON.readTree(r.body());
            if (!arr.isArray()) return Optional.empty();
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            for (JsonNode n : arr) byId.put(n.path("id").asText(), n);
            return Optional.of(byId);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String json(List<ObjectNode> reports, List<ConfigProblem> problems, boolean live) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("daemon", daemon.toString());
        root.put("live", live);
        ArrayNode list = root.putArray("connections");
        reports.forEach(list::add);
        ArrayNode p = root.putArray("problems");
        problems.forEach(x -> p.add(x.toString()));
        return root.toPrettyString() + "\n";
    }

    private String text(List<ObjectNode> reports, List<ConfigProblem> problems, boolean live) {
        var sb = new StringBuilder();
        sb.append(
                live
                        ? "Live auth state from the daemon at " + daemon + "\n"
                        : "No daemon answering at " + daemon + ": configuration only (start `driftwatch run`,"
                                + " or pass --daemon URL)\n");
        if (reports.isEmpty() && problems.isEmpty())
            sb.append("No connections under ").append(probes).append('\n');
        for (ObjectNode r : reports) {
            sb.append('\n')
                    .append(r.path("id").asText())
                    .append("  vendor ")
                    .append(r.path("vendor").asText())
                    .append(", auth ")
                    .append(r.path("authType").asText());
            if (r.hasNonNull("endpoint"))
                sb.append(", ").append(r.path("endpoint").asText());
            sb.append('\n');
            sb.append("  state: ").append(r.path("state").asText());
            if (r.has("lastTokenAt"))
                sb.append(", last token ").append(r.path("lastTokenAt").asText());
            sb.append('\n');
            if (r.has("accessTokenExpiresAt")) {
                sb.append("  access token: ")
                        .append(r.path("accessTokenValid").asBoolean() ? "cached, valid until " : "expired at ")
                        .append(r.path("accessTokenExpiresAt").asText())
                        .append('\n');
            }
            if (r.has("refreshTokenConfigured") || r.has("refreshTokenExpiresAt")) {
                sb.append("  refresh token: ")
                        .append(r.path("refreshTokenConfigured").asBoolean(true) ? "present" : "missing");
                if (r.has("refreshTokenExpiresAt"))
                    sb.append(", expires ")
                            .append(r.path("refreshTokenExpiresAt").asText());
                if (r.has("refreshTokenHardExpiresAt"))
                    sb.append(", hard expiry ")
                            .append(r.path("refreshTokenHardExpiresAt").asText());
                if (r.has("refreshTokenDaysLeft"))
                    sb.append(" (")
                            .append(r.path("refreshTokenDaysLeft").asLong())
                            .append(" days left)");
                sb.append('\n');
            }
            if (r.has("quotaUsedRatio"))
                sb.append(String.format(
                        java.util.Locale.ROOT,
                        "  quota used: %.1f%%%n",
                        r.path("quotaUsedRatio").asDouble() * 100));
            if (r.has("lastError"))
                sb.append("  last error: ").append(r.path("lastError").asText()).append('\n');
        }
        if (!problems.isEmpty()) {
            sb.append("\nConnection files that do not load:\n");
            problems.forEach(p -> sb.append("  ").append(p).append('\n'));
        }
        return sb.toString();
    }
}
