package io.driftwatch.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the validator and keeps what the shape diff did not already explain: an error at (or below) a
 * path the diff reported is the same cause seen twice. The rest, grouped by path and keyword with
 * array indices as {@code [*]}, become {@code schema-violation} changes. With an inferred schema
 * nothing remains (the diff covers every keyword the inferrer writes); with hand-written schemas this
 * catches what the diff does not model (pattern, maxLength, additionalProperties: false...).
 */
final class SchemaViolations {
    private SchemaViolations() {}

    private static final class Group {
        final String path;
        final String keyword;
        final String message;
        int count;

        Group(String path, String keyword, String message) {
            this.path = path;
            this.keyword = keyword;
            this.message = message;
        }
    }

    static List<DriftChange> find(Schema validator, JsonNode document, List<DriftChange> explained) {
        List<Error> errors = validator.validate(document);
        if (errors.isEmpty()) return List.of();
        List<String> covered = new ArrayList<>();
        for (DriftChange c : explained) {
            if (c.kind() != DriftKind.FIELD_ADDED) covered.add(c.path());
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Error error : errors) {
            String path = path(error.getInstanceLocation());
            String keyword = String.valueOf(error.getKeyword());
            if (error.getProperty() != null && (keyword.equals("required") || keyword.equals("additionalProperties"))) {
                path = DriftPaths.child(path, error.getProperty());
            }
            if (isCovered(path, covered)) continue;
            String at = path;
            groups.computeIfAbsent(
                            at + "\u0000" + keyword, k -> new Group(at, keyword, String.valueOf(error.getMessage())))
                    .count++;
        }
        List<DriftChange> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(new DriftChange(
                    DriftKind.SCHEMA_VIOLATION,
                    DriftKind.SCHEMA_VIOLATION.defaultSeverity(),
                    g.path,
                    g.keyword,
                    g.message,
                    null,
                    g.count,
                    g.count));
        }
        return out;
    }

    /** The error's instance location in finding notation: indices become {@code [*]}. */
    static String path(NodePath location) {
        String path = DriftPaths.ROOT;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer
                    ? DriftPaths.items(path)
                    : DriftPaths.child(path, String.valueOf(element));
        }
        return path;
    }

    private static boolean isCovered(String path, List<String> covered) {
        for (String c : covered) {
            if (path.startsWith(c)
                    && (path.length() == c.length()
                            || path.charAt(c.length()) == '.'
                            || path.charAt(c.length()) == '[')) {
                return true;
            }
        }
        return false;
    }
}
