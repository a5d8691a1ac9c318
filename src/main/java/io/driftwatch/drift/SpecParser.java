package io.driftwatch.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.baseline.JsonType;
import io.driftwatch.baseline.StringFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a JSON Schema into the {@link SpecNode} tree the shape diff walks. Understands what the
 * inferrer writes ({@code type}, {@code properties}, {@code required}, {@code items}, {@code format},
 * {@code enum}) plus what hand-written and vendor schemas commonly use for the same ideas: local
 * {@code $ref} ({@code #/$defs/...}, {@code #/definitions/...}), OpenAPI's {@code nullable: true},
 * {@code anyOf}/{@code oneOf} of one schema and {@code {"type": "null"}}, and single-element
 * {@code allOf}. Anything else is "any" for the diff; the validator still checks it.
 */
final class SpecParser {
    private final JsonNode root;
    private final boolean complete;
    private final Map<JsonNode, SpecNode> parsed = new IdentityHashMap<>();
    private final Map<String, SpecNode> refs = new HashMap<>();

    private SpecParser(JsonNode root, boolean complete) {
        this.root = root;
        this.complete = complete;
    }

    /**
     * @param complete true for recorded baselines, whose property lists are complete (see
     *     {@link SpecNode#complete}); false for hand-written schemas
     */
    static SpecNode parse(JsonNode schema, boolean complete) {
        return new SpecParser(schema, complete).node(schema);
    }

    private SpecNode node(JsonNode schema) {
        if (schema == null || !schema.isObject()) return SpecNode.ANY; // true, false, garbage: validator's job
        SpecNode done = parsed.get(schema);
        if (done != null) return done;
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) return reference(ref.asText());
        Composition composition = composition(schema);
        if (composition != null) return followComposition(composition);
        SpecNode out = new SpecNode();
        parsed.put(schema, out);
        readType(schema, out);
        readString(schema, out);
        JsonNode props = schema.get("properties");
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> e : props.properties()) out.property(e.getKey(), node(e.getValue()));
            if (out.properties == null) out.properties = new TreeMap<>();
            out.complete = complete;
        }
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            Set<String> names = new TreeSet<>();
            required.forEach(r -> names.add(r.asText()));
            out.required = Set.copyOf(names);
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) out.items = node(items);
        return out;
    }

    private SpecNode reference(String ref) {
        SpecNode known = refs.get(ref);
        if (known != null) return known;
        if (!ref.startsWith("#")) return SpecNode.ANY; // remote refs are never fetched
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) return SpecNode.ANY;
        SpecNode placeholder = new SpecNode();
        refs.put(ref, placeholder);
        SpecNode resolved = node(target);
        refs.put(ref, resolved);
        copy(resolved, placeholder); // anyone who took the placeholder during a cycle sees the result
        return resolved;
    }

    /** A composition the diff can follow: one real schema, nullable when a null alternative exists. */
    private record Composition(JsonNode inner, boolean nullable) {}

    /**
     * For {@code anyOf}/{@code oneOf}/{@code allOf}: the single non-null alternative when the diff can
     * follow it, {@code Composition(null, false)} when the composition is beyond the diff (meaning
     * "any"), or null when the node has no composition.
     */
    private static Composition composition(JsonNode schema) {
        for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
            JsonNode alternatives = schema.get(keyword);
            if (alternatives == null || !alternatives.isArray()) continue;
            List<JsonNode> real = new ArrayList<>();
            for (JsonNode alt : alternatives) {
                if (!isNullType(alt)) real.add(alt);
            }
            if (real.size() != 1 || (keyword.equals("allOf") && alternatives.size() != 1)) {
                return new Composition(null, false);
            }
            return new Composition(real.get(0), real.size() < alternatives.size());
        }
        return null;
    }

    private SpecNode followComposition(Composition c) {
        if (c.inner() == null) return SpecNode.ANY;
        SpecNode target = node(c.inner());
        if (!c.nullable() || target.nullAllowed || target == SpecNode.ANY) return target;
        SpecNode copy = new SpecNode();
        copy(target, copy);
        copy.nullAllowed = true;
        return copy;
    }

    private static boolean isNullType(JsonNode alt) {
        JsonNode type = alt.get("type");
        return type != null && type.isTextual() && type.asText().equals("null") && alt.size() == 1;
    }

    private static void readType(JsonNode schema, SpecNode out) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) addType(out, type.asText());
        if (type != null && type.isArray()) type.forEach(t -> addType(out, t.asText()));
        if (schema.path("nullable").asBoolean(false)) out.nullAllowed = true;
    }

    private static void addType(SpecNode out, String name) {
        JsonType t = JsonType.fromSchemaName(name);
        if (t == JsonType.NULL) out.nullAllowed = true;
        else if (t != null) out.types.add(t);
    }

    private static void readString(JsonNode schema, SpecNode out) {
        JsonNode format = schema.get("format");
        if (format != null && format.isTextual()) out.format = StringFormat.fromSchemaName(format.asText());
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) return;
        Set<String> strings = new TreeSet<>();
        for (JsonNode v : values) {
            if (v.isNull()) out.nullAllowed = true;
            else if (v.isTextual()) strings.add(v.asText());
            else return; // mixed-type enum: leave it to the validator
        }
        out.enumValues = Set.copyOf(strings);
    }

    private static void copy(SpecNode from, SpecNode to) {
        to.types.addAll(from.types);
        to.nullAllowed = from.nullAllowed;
        to.format = from.format;
        to.enumValues = from.enumValues;
        to.properties = from.properties;
        to.complete = from.complete;
        to.required = from.required;
        to.items = from.items;
    }
}
