package io.driftwatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one YAML document. Each problem keeps the dotted path it is about so that the
 * JSON Schema pass can drop its own report of a problem the mapper already explained (see {@link
 * SchemaCheck}).
 */
final class Problems {

    /** One problem; {@code path} is the dotted path the problem is about (may differ from where it points). */
    record Issue(int line, int column, String path, String message) {}

    private final List<Issue> issues = new ArrayList<>();

    /** A problem about {@code node}'s value, reported at the node, prefixed with its path when it has one. */
    void at(YamlNode node, String message) {
        issues.add(new Issue(node.line(), node.column(), node.path(), prefixed(node.path(), message)));
    }

    /** A problem worded in full by the caller (no path prefix), reported at {@code node}. */
    void plain(YamlNode node, String message) {
        issues.add(new Issue(node.line(), node.column(), node.path(), message));
    }

    /** A problem at an explicit position, about {@code path}, worded in full by the caller. */
    void add(int line, int column, String path, String message) {
        issues.add(new Issue(line, column, path, message));
    }

    boolean isEmpty() {
        return issues.isEmpty();
    }

    List<Issue> issues() {
        return issues;
    }

    List<ConfigProblem> toConfigProblems(Path file) {
        List<ConfigProblem> out = new ArrayList<>(issues.size());
        for (Issue i : issues) out.add(new ConfigProblem(file, i.line(), i.column(), i.message()));
        return out;
    }

    static String prefixed(String path, String message) {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
