package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ConfigProblem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, strict reads from a parsed definition, collecting problems with their file positions instead
 * of stopping at the first. Pointers are JSON Pointers from the document root.
 */
final class Tree {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Path file;
    private final NodeLocations locations;
    private final UnaryOperator<String> interpolate;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Tree(Path file, NodeLocations locations, UnaryOperator<String> interpolate) {
        this.file = file;
        this.locations = locations;
        this.interpolate = interpolate;
    }

    NodeLocations locations() {
        return locations;
    }

    void problem(String pointer, String message) {
        int[] at = locations.at(pointer);
        problems.add(new ConfigProblem(file, at[0], at[1], message));
    }

    List<ConfigProblem> problems() {
        List<ConfigProblem> out = new ArrayList<>(problems);
        out.sort(null);
        return out;
    }

    boolean object(JsonNode node, String pointer) {
        if (node.isObject()) return true;
        problem(pointer, name(pointer) + ": must be a mapping");
        return false;
    }

    /** Reports every key of {@code node} not in {@code allowed}. */
    void keys(JsonNode node, String pointer, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String where = pointer.isEmpty() ? "" : name(pointer) + ": ";
                problem(
                        pointer + "/" + key,
                        where + "unknown key '" + key + "' (expected one of " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** A scalar as interpolated text; null when absent or JSON null. */
    String text(JsonNode parent, String pointer) {
        JsonNode node = child(parent, pointer);
        if (node == null || node.isNull()) return null;
        if (!node.isValueNode()) {
            problem(pointer, name(pointer) + ": must be a single value");
            return null;
        }
        try {
            return interpolate.apply(node.asText());
        } catch (IllegalArgumentException e) {
            problem(pointer, name(pointer) + ": " + e.getMessage());
            return null;
        }
    }

    BigDecimal decimal(JsonNode parent, String pointer) {
        String text = text(parent, pointer);
        if (text == null) return null;
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problem(pointer, name(pointer) + ": must be a decimal number, got '" + raw(parent, pointer) + "'");
            return null;
        }
    }

    Long integer(JsonNode parent, String pointer) {
        String text = text(parent, pointer);
        if (text == null) return null;
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problem(pointer, name(pointer) + ": must be a whole number, got '" + raw(parent, pointer) + "'");
            return null;
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 such as {@code PT1M30S}. */
    Duration duration(JsonNode parent, String pointer) {
        String text = text(parent, pointer);
        if (text == null) return null;
        Matcher m = SIMPLE_DURATION.matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            problem(
                    pointer,
                    name(pointer) + ": must be a duration such as 30s, 5m or 1h, got '" + raw(parent, pointer) + "'");
            return null;
        }
    }

    /** A mapping of scalars, in file order; empty when absent. */
    Map<String, String> stringMap(JsonNode parent, String pointer) {
        JsonNode node = child(parent, pointer);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!object(node, pointer)) return out;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String value = text(node, pointer + "/" + key);
            if (value != null) out.put(key, value);
        }
        return out;
    }

    /**
     * The value as written, before interpolation: what problem messages quote, so a secret substituted
     * from the environment never reaches an error message.
     */
    String raw(JsonNode parent, String pointer) {
        JsonNode node = child(parent, pointer);
        return node == null ? null : node.asText();
    }

    private static JsonNode child(JsonNode parent, String pointer) {
        return parent.get(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    private static String name(String pointer) {
        return pointer.isEmpty() ? "the document" : pointer.substring(1).replace('/', '.');
    }
}
