package io.driftwatch.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.baseline.JsonType;
import io.driftwatch.baseline.SecretHeuristics;
import io.driftwatch.baseline.Shape;
import io.driftwatch.baseline.StringFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the merged shape of a response with the baseline schema and classifies every difference.
 * Works on shapes, not documents: 1,000 invoices were already merged into one shape per path, so the
 * diff is as cheap for a full query page as for one invoice, and reports {@code [*]} paths with counts.
 * Below a field that changed type or was added the diff does not descend (one finding per cause).
 * Severities are the kinds' defaults; {@link DriftDetector} applies the probe's rules.
 */
final class ShapeDiff {
    private static final int EXAMPLE_CHARS = 40;
    private static final int LISTED_VALUES = 5;

    private final List<DriftChange> changes = new ArrayList<>();

    private ShapeDiff() {}

    static List<DriftChange> diff(SpecNode spec, Shape observed) {
        ShapeDiff diff = new ShapeDiff();
        diff.node(spec, observed, DriftPaths.ROOT, null);
        return diff.changes;
    }

    private void add(
            DriftKind kind, String path, String baseline, String observed, String example, int count, int total) {
        changes.add(new DriftChange(kind, kind.defaultSeverity(), path, baseline, observed, example, count, total));
    }

    private void node(SpecNode spec, Shape obs, String path, String key) {
        if (spec == SpecNode.ANY) return;
        int total = obs.total();
        int nulls = obs.count(JsonType.NULL);
        if (nulls > 0 && !spec.allowsAnyType() && !spec.nullAllowed) {
            add(DriftKind.BECAME_NULLABLE, path, spec.describe(), "null", "null", nulls, total);
        }
        EnumSet<JsonType> seen = obs.nonNullTypes();
        if (!spec.allowsAnyType() && typeChanged(spec, obs, seen, path, key, total)) return;
        if (seen.contains(JsonType.OBJECT) && (spec.properties != null || !spec.required.isEmpty())) {
            object(spec, obs, path);
        }
        if (seen.contains(JsonType.ARRAY) && spec.items != null && obs.items() != null) {
            node(spec.items, obs.items(), DriftPaths.items(path), key);
        }
        if (seen.contains(JsonType.STRING)) strings(spec, obs, path, key);
    }

    /** Reports values of types the baseline never allowed; true when nothing the baseline knows was seen. */
    private boolean typeChanged(SpecNode spec, Shape obs, EnumSet<JsonType> seen, String path, String key, int total) {
        EnumSet<JsonType> unexpected = EnumSet.noneOf(JsonType.class);
        for (JsonType t : seen) {
            if (!spec.types.contains(t)) unexpected.add(t);
        }
        if (unexpected.isEmpty()) return false;
        DriftKind kind = DriftKind.TYPE_CHANGED;
        JsonType exampleType = unexpected.iterator().next();
        if (spec.types.contains(JsonType.OBJECT)
                && !spec.types.contains(JsonType.ARRAY)
                && unexpected.contains(JsonType.ARRAY)) {
            kind = DriftKind.OBJECT_BECAME_ARRAY;
            exampleType = JsonType.ARRAY;
        } else if (spec.types.contains(JsonType.ARRAY)
                && !spec.types.contains(JsonType.OBJECT)
                && unexpected.contains(JsonType.OBJECT)) {
            kind = DriftKind.ARRAY_BECAME_OBJECT;
            exampleType = JsonType.OBJECT;
        }
        int count = 0;
        for (JsonType t : unexpected) count += obs.count(t);
        add(kind, path, spec.describe(), describe(unexpected), example(obs, exampleType, key), count, total);
        return unexpected.containsAll(seen);
    }

    private void object(SpecNode spec, Shape obs, String path) {
        int objects = obs.count(JsonType.OBJECT);
        Map<String, Shape> props = obs.properties();
        TreeSet<String> declared = new TreeSet<>(spec.required);
        if (spec.properties != null) declared.addAll(spec.properties.keySet());
        for (String name : declared) {
            SpecNode child = spec.properties == null ? SpecNode.ANY : spec.properties.getOrDefault(name, SpecNode.ANY);
            Shape shape = props.get(name);
            int present = shape == null ? 0 : shape.total();
            String childPath = DriftPaths.child(path, name);
            if (present < objects && spec.required.contains(name)) {
                add(
                        DriftKind.REQUIRED_FIELD_MISSING,
                        childPath,
                        child.describe(),
                        "absent",
                        null,
                        objects - present,
                        objects);
            } else if (present == 0) {
                add(DriftKind.FIELD_REMOVED, childPath, child.describe(), "absent", null, objects, objects);
            }
            if (shape != null) node(child, shape, childPath, name);
        }
        if (!spec.complete) return;
        for (String name : new TreeSet<>(props.keySet())) {
            if (declared.contains(name)) continue;
            Shape shape = props.get(name);
            EnumSet<JsonType> types = shape.nonNullTypes();
            if (shape.count(JsonType.NULL) > 0) types.add(JsonType.NULL);
            JsonType exampleType = types.iterator().next();
            add(
                    DriftKind.FIELD_ADDED,
                    DriftPaths.child(path, name),
                    "absent",
                    describe(types),
                    example(shape, exampleType, name),
                    shape.total(),
                    objects);
        }
    }

    private void strings(SpecNode spec, Shape obs, String path, String key) {
        int strings = obs.count(JsonType.STRING);
        if (spec.format != null && obs.formatMisses(spec.format) > 0) {
            String counter = obs.formatCounterExample(spec.format);
            StringFormat actual = StringFormat.single(StringFormat.maskOf(counter));
            add(
                    DriftKind.FORMAT_CHANGED,
                    path,
                    spec.format.schemaName(),
                    actual == null ? "no format" : actual.schemaName(),
                    quote(key, counter),
                    obs.formatMisses(spec.format),
                    strings);
        }
        if (spec.enumValues != null && obs.values() != null) {
            List<String> added = obs.values().stream()
                    .filter(v -> !spec.enumValues.contains(v))
                    .toList();
            if (added.isEmpty()) return;
            List<String> listed = new ArrayList<>();
            for (String v : added.subList(0, Math.min(LISTED_VALUES, added.size()))) listed.add(quote(key, v));
            String observed = String.join(", ", listed)
                    + (added.size() > LISTED_VALUES ? " and " + (added.size() - LISTED_VALUES) + " more" : "");
            add(
                    DriftKind.ENUM_VALUE_ADDED,
                    path,
                    spec.describeEnum(),
                    observed,
                    listed.get(0),
                    added.size(),
                    obs.values().size());
        }
    }

    static String describe(EnumSet<JsonType> types) {
        StringBuilder sb = new StringBuilder();
        for (JsonType t : types) {
            if (!sb.isEmpty()) sb.append(" or ");
            sb.append(t.schemaName());
        }
        return sb.toString();
    }

    /** A short, redacted rendering of the first value of {@code type} seen at the path. */
    private static String example(Shape shape, JsonType type, String key) {
        return switch (type) {
            case OBJECT -> "{...}";
            case ARRAY -> "[...]";
            case NULL -> "null";
            case STRING -> {
                JsonNode node = shape.example(JsonType.STRING);
                yield node == null ? null : quote(key, node.asText());
            }
            default -> {
                JsonNode node = shape.example(type);
                yield node == null ? null : SecretHeuristics.redact(key, truncate(node.asText()));
            }
        };
    }

    static String quote(String key, String value) {
        if (SecretHeuristics.looksSecret(key, value)) return SecretHeuristics.REDACTED;
        return "\"" + truncate(value) + "\"";
    }

    private static String truncate(String s) {
        return s.length() <= EXAMPLE_CHARS ? s : s.substring(0, EXAMPLE_CHARS) + "...";
    }
}
