package io.driftwatch.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.config.AlertSpec;
import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.config.RetrySpec;
import io.driftwatch.config.Schedule;
import io.driftwatch.config.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads a reconcile definition (YAML, or JSON for {@code .json} files), strictly: unknown keys, wrong
 * types and invalid JSONPaths are problems reported as {@code file:line:col: message}, all at once.
 * The format is documented in docs/reconcile.md. String values pass through {@code interpolate} (the
 * config loader's {@code ${VAR}} substitution; it reports a missing variable by throwing
 * IllegalArgumentException with the message to show).
 */
public final class ReconcileSpecReader {

    /** The definition when there are no problems, else null and the problems in file order. */
    public record Result(ReconcileSpec spec, List<ConfigProblem> problems) {}

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final UnaryOperator<String> interpolate;

    public ReconcileSpecReader(UnaryOperator<String> interpolate) {
        this.interpolate = interpolate;
    }

    public Result read(Path file) throws IOException {
        return read(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    public Result read(Path file, String text) {
        boolean json = file.getFileName().toString().endsWith(".json");
        ObjectMapper mapper = json ? JSON : YAML;
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        JsonNode root;
        NodeLocations locations;
        try {
            root = mapper.readTree(text);
            locations = NodeLocations.scan(factory, text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            int line = at == null ? 1 : at.getLineNr();
            int column = at == null ? 1 : at.getColumnNr();
            return new Result(null, List.of(new ConfigProblem(file, line, column, e.getOriginalMessage())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a String does no I/O
        }
        Tree tree = new Tree(file, locations, interpolate);
        if (root == null || !root.isObject()) {
            tree.problem("", "a reconcile definition must be a mapping");
            return new Result(null, tree.problems());
        }
        ReconcileSpec spec = definition(tree, root, file);
        for (String problem : spec.problems()) {
            int colon = problem.indexOf(": ");
            String field = colon < 0 ? "" : problem.substring(0, colon);
            tree.problem("/" + field.replace('.', '/'), problem);
        }
        List<ConfigProblem> problems = tree.problems();
        return problems.isEmpty() ? new Result(spec, List.of()) : new Result(null, problems);
    }

    private static ReconcileSpec definition(Tree t, JsonNode root, Path file) {
        t.keys(root, "", "id", "kind", "description", "schedule", "tolerance", "source", "target", "alert", "labels");
        String kind = t.text(root, "/kind");
        if (kind != null && !kind.equals("reconcile"))
            t.problem("/kind", "kind: must be 'reconcile', got '" + t.raw(root, "/kind") + "'");
        int[] idAt = t.locations().at("/id");
        return new ReconcileSpec(
                t.text(root, "/id"),
                t.text(root, "/description"),
                schedule(t, root.get("schedule")),
                side(t, root.get("source"), "/source", file),
                side(t, root.get("target"), "/target", file),
                t.decimal(root, "/tolerance"),
                alert(t, root.get("alert")),
                t.stringMap(root, "/labels"),
                new SourceLocation(file, idAt[0], idAt[1]));
    }

    private static SideSpec side(Tree t, JsonNode node, String at, Path file) {
        if (node == null) return null;
        if (!t.object(node, at)) return null;
        t.keys(node, at, "name", "connection", "request", "file", "records", "nextPage", "key", "amount", "currency");
        String payloadFile = t.text(node, at + "/file");
        Path dir = file.toAbsolutePath().getParent();
        return new SideSpec(
                t.text(node, at + "/name"),
                t.text(node, at + "/connection"),
                request(t, node.get("request"), at + "/request"),
                payloadFile == null ? null : dir.resolve(payloadFile).normalize(),
                t.text(node, at + "/records"),
                t.text(node, at + "/nextPage"),
                t.text(node, at + "/key"),
                t.text(node, at + "/amount"),
                t.text(node, at + "/currency"));
    }

    private static RequestSpec request(Tree t, JsonNode node, String at) {
        if (node == null || !t.object(node, at)) return null;
        t.keys(node, at, "method", "path", "query", "headers", "body", "timeout", "maxBodyBytes");
        String method = t.text(node, at + "/method");
        String path = t.text(node, at + "/path");
        if (!node.hasNonNull("path")) t.problem(at, at.substring(1).replace('/', '.') + ".path: required");
        Long maxBody = t.integer(node, at + "/maxBodyBytes");
        var timeout = t.duration(node, at + "/timeout");
        return new RequestSpec(
                method == null ? "GET" : method,
                path,
                t.stringMap(node, at + "/query"),
                t.stringMap(node, at + "/headers"),
                t.text(node, at + "/body"),
                timeout == null ? RequestSpec.DEFAULT_TIMEOUT : timeout,
                RetrySpec.DEFAULT,
                maxBody == null ? RequestSpec.DEFAULT_MAX_BODY_BYTES : maxBody,
                false);
    }

    private static Schedule schedule(Tree t, JsonNode node) {
        if (node == null || !t.object(node, "/schedule")) return null;
        t.keys(node, "/schedule", "every", "cron", "zone");
        var every = t.duration(node, "/schedule/every");
        String cron = t.text(node, "/schedule/cron");
        if ((every == null) == (cron == null)) {
            t.problem("/schedule", "schedule: give exactly one of every or cron");
            return null;
        }
        if (every != null) return new Schedule.Every(every);
        String zone = t.text(node, "/schedule/zone");
        try {
            return new Schedule.Cron(cron, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
        } catch (java.time.DateTimeException e) {
            t.problem("/schedule/zone", "schedule.zone: unknown time zone '" + t.raw(node, "/schedule/zone") + "'");
            return null;
        }
    }

    private static AlertSpec alert(Tree t, JsonNode node) {
        if (node == null || !t.object(node, "/alert")) return null;
        t.keys(node, "/alert", "severity", "route");
        String severity = t.text(node, "/alert/severity");
        if (severity != null && !List.of("info", "warning", "critical").contains(severity)) {
            t.problem(
                    "/alert/severity",
                    "alert.severity: must be info, warning or critical, got '" + t.raw(node, "/alert/severity") + "'");
        }
        return new AlertSpec(severity == null ? AlertSpec.DEFAULT.severity() : severity, t.text(node, "/alert/route"));
    }
}
