package io.driftwatch.config;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates documents against the published JSON Schemas ({@code schema/probe.schema.json},
 * {@code schema/connection.schema.json}), so the files editors use and the loader cannot drift apart.
 *
 * <p>The mappers' own messages are the clearer ones, so a schema error is kept only when no mapper problem
 * in the same document is about the same place: the same path, a path inside it, or (below the root) a path
 * around it. In a consistent build the schema therefore adds nothing; it is the safety net for a rule the
 * mappers forgot. The schemas are compiled once per JVM and shared (networknt schemas are thread-safe).
 */
final class SchemaCheck {

    enum Kind {
        PROBE("schema/probe.schema.json"),
        CONNECTION("schema/connection.schema.json");

        final String resource;

        Kind(String resource) {
            this.resource = resource;
        }
    }

    private static final class Compiled {
        static final Schema PROBE = load(Kind.PROBE);
        static final Schema CONNECTION = load(Kind.CONNECTION);
    }

    private SchemaCheck() {}

    static Schema schema(Kind kind) {
        return kind == Kind.PROBE ? Compiled.PROBE : Compiled.CONNECTION;
    }

    private static Schema load(Kind kind) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(kind.resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + kind.resource);
            Schema schema = registry.getSchema(in, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the schema's errors about {@code root} that no problem already in {@code problems} covers. */
    static void validate(Kind kind, YamlNode root, Problems problems) {
        List<Error> errors = schema(kind).validate(YamlJson.toJson(root));
        if (errors.isEmpty()) return;
        List<Problems.Issue> known = List.copyOf(problems.issues());
        for (Error error : errors) {
            Located at = locate(root, error);
            if (known.stream().anyMatch(i -> related(i.path(), at.path()))) continue;
            String message = Problems.prefixed(at.path(), error.getMessage());
            if (problems.issues().stream().noneMatch(i -> i.message().equals(message))) {
                problems.add(at.line(), at.column(), at.path(), message);
            }
        }
    }

    /** Where a schema error points, and the dotted path it is about. */
    private record Located(int line, int column, String path) {}

    private static Located locate(YamlNode root, Error error) {
        NodePath location = error.getInstanceLocation();
        YamlNode node = root;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            YamlNode next = null;
            if (node instanceof YamlNode.Mapping m && element instanceof String key) next = m.get(key);
            if (node instanceof YamlNode.Sequence s
                    && element instanceof Integer index
                    && index < s.items().size()) {
                next = s.items().get(index);
            }
            if (next == null) break;
            node = next;
        }
        // An unknown key points at the key itself. Other errors (a missing required key included) are about
        // the node: the mappers report a missing key at its mapping too, and a oneOf branch's "required" must
        // still be recognised as the same problem.
        String property = error.getProperty();
        boolean unknownKey =
                "additionalProperties".equals(error.getKeyword()) || "unevaluatedProperties".equals(error.getKeyword());
        if (unknownKey
                && property != null
                && node instanceof YamlNode.Mapping m
                && m.entries().containsKey(property)) {
            YamlNode.Entry e = m.entries().get(property);
            return new Located(e.keyLine(), e.keyColumn(), YamlNode.child(m.path(), property));
        }
        return new Located(node.line(), node.column(), node.path());
    }

    /** True when one path equals or contains the other; the root contains nothing for this purpose. */
    static boolean related(String mapperPath, String schemaPath) {
        return within(mapperPath, schemaPath) || (!mapperPath.isEmpty() && within(schemaPath, mapperPath));
    }

    private static boolean within(String inner, String outer) {
        if (outer.isEmpty()) return true;
        if (!inner.startsWith(outer)) return false;
        return inner.length() == outer.length()
                || inner.charAt(outer.length()) == '.'
                || inner.charAt(outer.length()) == '[';
    }
}
