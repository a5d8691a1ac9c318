package io.driftwatch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Maps {@code expect.schema} and {@code expect.latency.drift}: the drift settings of a probe. */
final class DriftExpectMapper {

    /** A drift path as findings print it: {@code $}, then {@code .name}, {@code [*]} or {@code ['odd key']} steps. */
    private static final Pattern DRIFT_PATH =
            Pattern.compile("\\$(\\.[A-Za-z_$][A-Za-z0-9_$]*|\\[\\*]|\\['([^'\\\\]|\\\\.)*'])*");

    static final String PATH_FORMS = "a drift path like $.Invoice.MetaData or $.QueryResponse.Invoice[*].Line";
    static final String WINDOW_FORMS = "a number of runs (2 or more) or a duration like 15m";

    private final Path file;
    private final Values values;

    DriftExpectMapper(Path file, Values values) {
        this.file = file;
        this.values = values;
    }

    SchemaExpectation schema(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("expect.schema"), "", values);
        if (f == null) return null;
        Boolean baseline = f.bool("baseline");
        String schemaFile = f.string("file");
        Integer maxMissing = f.integer("maxMissingRequired", -1);
        Boolean absentOptionalIsBreaking = f.bool("absentOptionalIsBreaking");
        if (Boolean.TRUE.equals(baseline) && f.has("file")) {
            values.problems().at(node, "set either 'baseline: true' or 'file', not both");
        }
        if (schemaFile != null) {
            Path resolved = file.resolveSibling(schemaFile);
            if (!Files.isRegularFile(resolved)) values.problems().at(f.get("file"), "file not found: " + resolved);
        }
        Boolean enums = f.bool("enums");
        return new SchemaExpectation(
                baseline != null ? baseline : !f.has("file"),
                schemaFile,
                maxMissing == null ? -1 : maxMissing,
                absentOptionalIsBreaking == null || absentOptionalIsBreaking,
                severities(f.get("severities")),
                ignore(f.get("ignore")),
                Boolean.TRUE.equals(enums));
    }

    /** {@code severities: { type-changed: warning, ... }}: keys are drift kinds, values severities. */
    private Map<String, String> severities(YamlNode node) {
        if (Values.skip(node)) return Map.of();
        if (!(node instanceof YamlNode.Mapping m)) {
            values.expected(node, "a mapping of drift kinds to severities");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            if (!SchemaExpectation.DRIFT_KINDS.contains(e.key())) {
                values.problems()
                        .add(
                                e.keyLine(),
                                e.keyColumn(),
                                YamlNode.child(m.path(), e.key()),
                                "unknown drift kind '" + e.key() + "' in " + m.path() + " (expected one of: "
                                        + String.join(", ", SchemaExpectation.DRIFT_KINDS) + ")");
                continue;
            }
            String severity = values.oneOf(e.value(), SchemaExpectation.SEVERITIES);
            if (severity != null) out.put(e.key(), severity);
        }
        return out;
    }

    private List<String> ignore(YamlNode node) {
        List<YamlNode> items = values.list(node);
        if (items == null) return List.of();
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String path = values.string(item);
            if (path == null) continue;
            if (!DRIFT_PATH.matcher(path).matches()) {
                values.expected(item, PATH_FORMS);
                continue;
            }
            out.add(path);
        }
        return out;
    }

    /** {@code expect.latency.drift}: {@code window} (runs or a duration), {@code ratio}, {@code severity}. */
    LatencyDriftExpectation latencyDrift(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("expect.latency.drift"), "", values);
        if (f == null) return null;
        Integer runs = null;
        Duration period = null;
        YamlNode window = f.get("window");
        if (!Values.skip(window)) {
            if (window instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.INT) {
                runs = values.integer(window, 2);
            } else if (window instanceof YamlNode.Scalar s
                    && s.kind() == YamlNode.Kind.STRING
                    && Durations.parse(s.text()) != null
                    && Durations.parse(s.text()).isPositive()) {
                period = Durations.parse(s.text());
            } else {
                values.expected(window, WINDOW_FORMS);
            }
        }
        Double ratio = null;
        YamlNode ratioNode = f.get("ratio");
        var decimal = values.decimal(ratioNode);
        if (decimal != null) {
            if (decimal.compareTo(java.math.BigDecimal.ONE) <= 0) values.expected(ratioNode, "a number greater than 1");
            else ratio = decimal.doubleValue();
        }
        String severity = values.oneOf(f.get("severity"), SchemaExpectation.SEVERITIES);
        return new LatencyDriftExpectation(runs, period, ratio, severity);
    }
}
