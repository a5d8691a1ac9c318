package io.driftwatch.alert.config;

import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads SnakeYAML nodes of one file, collecting every problem with its line and column instead of
 * stopping at the first. Scalars get environment substitution. Methods return empty or null when the
 * value is unusable; the problem has then been recorded.
 */
final class YamlNodes {
    private final Path file;
    private final Map<String, String> env;
    private final List<ConfigProblem> problems;

    YamlNodes(Path file, Map<String, String> env, List<ConfigProblem> problems) {
        this.file = file;
        this.env = env;
        this.problems = problems;
    }

    Path file() {
        return file;
    }

    void problem(Node at, String message) {
        problems.add(new ConfigProblem(
                file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, message));
    }

    void problemAt(SourceLocation at, String message) {
        problems.add(new ConfigProblem(at.file(), at.line(), at.column(), message));
    }

    SourceLocation location(Node at) {
        return new SourceLocation(
                file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1);
    }

    /**
     * The entries of a mapping by key, in file order, after rejecting duplicates and keys outside
     * {@code allowed} (null = any key). Values are the nodes; keys' nodes are kept for locations.
     */
    Map<String, NodeTuple> mapping(Node node, String what, Collection<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(node, what + " must be a mapping");
            return Map.of();
        }
        var entries = new LinkedHashMap<String, NodeTuple>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), "keys in " + what + " must be plain strings");
                continue;
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                problem(keyNode, "duplicate key '" + key + "'");
            } else if (allowed != null && !allowed.contains(key)) {
                problem(
                        keyNode,
                        "unknown key '" + key + "' in " + what + " (expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else {
                entries.put(key, tuple);
            }
        }
        return entries;
    }

    void require(Map<String, NodeTuple> entries, Node owner, String what, String... keys) {
        for (String key : keys) {
            if (!entries.containsKey(key)) problem(owner, "missing required key '" + key + "' in " + what);
        }
    }

    /** A scalar's text after substitution, or null (problem recorded) when not a scalar. */
    String string(Node node, String key) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, "'" + key + "' must be a single value");
            return null;
        }
        var missing = new ArrayList<String>();
        String value = EnvSubstitution.apply(scalar.getValue(), env, missing::add);
        missing.forEach(name -> problem(node, "environment variable " + name + " is not set"));
        return missing.isEmpty() ? value : null;
    }

    /** The raw scalar text, before substitution (to check that secrets reference the environment). */
    static Optional<String> raw(Node node) {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** A list of scalars; a single scalar counts as a one-element list. */
    List<String> strings(Node node, String key) {
        var values = new ArrayList<String>();
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String value = string(item, key);
                if (value != null) values.add(value);
            }
        } else {
            String value = string(node, key);
            if (value != null) values.add(value);
        }
        return values;
    }

    /** A list of scalars; a single scalar is a problem (used where a list is the only sensible form). */
    List<Node> sequence(Node node, String key) {
        if (node instanceof SequenceNode seq) return seq.getValue();
        problem(node, "'" + key + "' must be a list");
        return List.of();
    }

    Integer integer(Node node, String key, int min) {
        String text = string(node, key);
        if (text == null) return null;
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, "'" + key + "' must be a whole number >= " + min);
        return null;
    }

    Boolean bool(Node node, String key) {
        String text = string(node, key);
        if ("true".equals(text)) return true;
        if ("false".equals(text)) return false;
        if (text != null) problem(node, "'" + key + "' must be true or false");
        return null;
    }

    Duration duration(Node node, String key) {
        String text = string(node, key);
        if (text == null) return null;
        Optional<Duration> parsed = Durations.parse(text.strip());
        if (parsed.isEmpty()) problem(node, "'" + key + "' must be a duration like 30s, 5m, 4h or 1h30m");
        return parsed.orElse(null);
    }

    Map<String, String> stringMap(Node node, String key) {
        var values = new LinkedHashMap<String, String>();
        mapping(node, "'" + key + "'", null).forEach((k, tuple) -> {
            String value = string(tuple.getValueNode(), k);
            if (value != null) values.put(k, value);
        });
        return values;
    }
}
