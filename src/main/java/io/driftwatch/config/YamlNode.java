package io.driftwatch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node after environment substitution, with its position in the file and its dotted path
 * ({@code request.retries.attempts}, {@code expect.assertions[0].path}; the root's path is empty). The loader
 * builds this tree from SnakeYAML's node API so that every value, and every problem about it, has a 1-based
 * line and column.
 */
sealed interface YamlNode {

    /** 1-based line of the node's first character. */
    int line();

    /** 1-based column of the node's first character. */
    int column();

    /** Dotted path from the document root, as used in messages. */
    String path();

    /** How messages show a value they reject: {@code 'text'}, {@code null}, {@code a list}, {@code a mapping}. */
    String describe();

    /** The YAML core types a scalar resolves to; anything else (timestamps, custom tags) reads as STRING. */
    enum Kind {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    /**
     * A scalar. {@code text} is the value after environment substitution. {@code broken} is true when the
     * substitution failed (already reported), so readers skip the value without a second message.
     */
    record Scalar(String text, Kind kind, boolean broken, int line, int column, String path) implements YamlNode {
        @Override
        public String describe() {
            return kind == Kind.NULL ? "null" : "'" + text + "'";
        }

        /** YAML 1.1 truth values as SnakeYAML resolves them: true, yes, on (any case). */
        boolean truthy() {
            String t = text.toLowerCase(java.util.Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on");
        }
    }

    record Sequence(List<YamlNode> items, int line, int column, String path) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One {@code key: value} pair; the key's own position is kept for "unknown key" messages. */
    record Entry(String key, int keyLine, int keyColumn, YamlNode value) {}

    /** A mapping, in file order. Keys are unique (duplicates are reported while building the tree). */
    record Mapping(Map<String, Entry> entries, int line, int column, String path) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        /** The value under {@code key}, or null when the key is absent. */
        YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
