package io.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Infers a JSON Schema (draft 2020-12) from sample responses.
 *
 * <ul>
 *   <li>types per path; integers and decimals are both {@code number};
 *   <li>{@code required}: present (possibly null) in every object seen at that path, across all samples
 *       and all array elements;
 *   <li>nullable: {@code "type": ["string", "null"]};
 *   <li>array elements of all samples merge into one {@code items} schema; arrays only ever seen empty
 *       get no {@code items};
 *   <li>{@code format} when every string at the path matches one of {@link StringFormat};
 *   <li>{@code enum} only when enabled, seen in at least two samples, with the same value set in each,
 *       and never for values that look like credentials (they would land in the baseline file);
 *   <li>a path only ever seen as null gets the empty schema: nothing is known about its type.
 * </ul>
 *
 * Output is deterministic: properties sorted by name, keywords in a fixed order, so inferring twice
 * from the same responses (in any key order) gives equal trees and byte-identical files.
 */
public final class SchemaInferrer {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final InferenceOptions options;

    public SchemaInferrer(InferenceOptions options) {
        this.options = options;
    }

    /** Infers the schema of {@code samples} (at least one). */
    public ObjectNode infer(List<JsonNode> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("at least one sample is needed");
        return render(shapeOf(samples), samples.size());
    }

    /** The merged shape of the samples, each observed separately so enum stability can be judged. */
    public Shape shapeOf(List<JsonNode> samples) {
        Shape merged = null;
        for (JsonNode sample : samples) {
            Shape shape = new Shape();
            shape.observe(sample, options.enums());
            if (merged == null) merged = shape;
            else merged.mergeSample(shape);
        }
        return merged;
    }

    /** Renders a merged shape as a root schema with the draft 2020-12 {@code $schema}. */
    public ObjectNode render(Shape shape, int sampleCount) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DIALECT);
        root.setAll(node(shape, sampleCount, null));
        return root;
    }

    /** @param key the property name this schema describes (null for the root and array items) */
    private ObjectNode node(Shape shape, int sampleCount, String key) {
        ObjectNode out = NODES.objectNode();
        EnumSet<JsonType> types = shape.nonNullTypes();
        if (types.isEmpty()) return out;
        boolean nullable = shape.count(JsonType.NULL) > 0;
        writeType(out, types, nullable);
        if (types.contains(JsonType.STRING)) writeStringKeywords(out, shape, types, nullable, sampleCount, key);
        if (types.contains(JsonType.OBJECT)) writeObjectKeywords(out, shape, sampleCount);
        if (types.contains(JsonType.ARRAY) && shape.items() != null) {
            out.set("items", node(shape.items(), sampleCount, key));
        }
        return out;
    }

    private static void writeType(ObjectNode out, EnumSet<JsonType> types, boolean nullable) {
        if (types.size() == 1 && !nullable) {
            out.put("type", types.iterator().next().schemaName());
            return;
        }
        ArrayNode array = out.putArray("type");
        types.forEach(t -> array.add(t.schemaName())); // EnumSet order is alphabetical by design
        if (nullable) array.add(JsonType.NULL.schemaName());
    }

    private void writeStringKeywords(
            ObjectNode out, Shape shape, EnumSet<JsonType> types, boolean nullable, int sampleCount, String key) {
        StringFormat format = StringFormat.single(shape.formatMask());
        if (format != null) {
            out.put("format", format.schemaName());
            return;
        }
        Set<String> values = shape.values();
        boolean enumerable = options.enums()
                && sampleCount >= 2
                && types.size() == 1
                && values != null
                && !shape.valuesOverflow()
                && !shape.valuesUnstable()
                && values.size() <= options.maxEnumValues()
                && values.stream().noneMatch(v -> SecretHeuristics.looksSecret(key, v)); // never write a credential
        if (!enumerable) return;
        ArrayNode array = out.putArray("enum");
        values.forEach(array::add); // sorted set
        if (nullable) array.addNull(); // enum applies to every value, null included
    }

    private void writeObjectKeywords(ObjectNode out, Shape shape, int sampleCount) {
        int objects = shape.count(JsonType.OBJECT);
        ObjectNode props = out.putObject("properties");
        List<String> required = new ArrayList<>();
        for (Map.Entry<String, Shape> e : new TreeMap<>(shape.properties()).entrySet()) {
            props.set(e.getKey(), node(e.getValue(), sampleCount, e.getKey()));
            if (e.getValue().total() == objects) required.add(e.getKey());
        }
        if (!required.isEmpty()) {
            ArrayNode array = out.putArray("required");
            required.forEach(array::add);
        }
    }
}
