package io.driftwatch.config;

import java.util.List;

/**
 * A mapping being read against its list of allowed keys. Creating one reports every unknown key; the
 * accessors return the value node under a key, or null when the key is absent.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final Values values;

    private Fields(YamlNode.Mapping mapping, Values values) {
        this.mapping = mapping;
        this.values = values;
    }

    /**
     * Opens {@code node} as a mapping. Returns null for an absent node (nothing reported) or for anything but
     * a mapping (reported as {@code path: expected a mapping, got ...}).
     *
     * @param label how the root is named in messages ({@code probe}, {@code connection}); nested mappings use
     *     their path
     */
    static Fields open(YamlNode node, List<String> allowed, String label, Values values) {
        if (Values.skip(node)) return null;
        if (!(node instanceof YamlNode.Mapping m)) {
            values.expected(node, "a mapping" + (node.path().isEmpty() ? " (a " + label + " definition)" : ""));
            return null;
        }
        String section = m.path().isEmpty() ? label : m.path();
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                values.problems()
                        .add(
                                e.keyLine(),
                                e.keyColumn(),
                                YamlNode.child(m.path(), e.key()),
                                "unknown key '" + e.key() + "' in " + section + " (expected one of: "
                                        + String.join(", ", allowed) + ")");
            }
        }
        return new Fields(m, values);
    }

    YamlNode.Mapping node() {
        return mapping;
    }

    /** The value under {@code key}, or null when absent. */
    YamlNode get(String key) {
        return mapping.get(key);
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** Reports {@code path.key is required} at this mapping when the key is absent; returns whether present. */
    boolean require(String key) {
        if (has(key)) return true;
        String path = YamlNode.child(mapping.path(), key);
        values.problems().add(mapping.line(), mapping.column(), path, path + " is required");
        return false;
    }

    String string(String key) {
        return values.string(get(key));
    }

    Integer integer(String key, int min) {
        return values.integer(get(key), min);
    }

    Boolean bool(String key) {
        return values.bool(get(key));
    }
}
