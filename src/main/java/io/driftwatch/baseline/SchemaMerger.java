package io.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges two schemas in the inferrer's dialect so the result accepts whatever either accepted: types
 * are united, {@code required} is intersected, properties and items merge recursively, a format
 * survives only when both agree, enums are united (dropped when one side has none). Keywords the
 * inferrer never writes are kept from the old schema. Output keeps the inferrer's key order.
 */
public final class SchemaMerger {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaMerger() {}

    public static ObjectNode merge(JsonNode previous, JsonNode fresh) {
        ObjectNode out = NODES.objectNode();
        if (previous.has("$schema") || fresh.has("$schema")) {
            out.put(
                    "$schema",
                    fresh.path("$schema").asText(previous.path("$schema").asText()));
        }
        out.setAll(mergeNode(previous, fresh));
        return out;
    }

    private static ObjectNode mergeNode(JsonNode a, JsonNode b) {
        ObjectNode out = NODES.objectNode();
        EnumSet<JsonType> ta = types(a);
        EnumSet<JsonType> tb = types(b);
        if (ta == null || tb == null) {
            copyUnknown(a, out);
            return out; // one side accepts any type: so does the merge
        }
        EnumSet<JsonType> types = EnumSet.copyOf(ta);
        types.addAll(tb);
        writeType(out, types);
        String format = a.path("format").asText(null);
        if (format != null && format.equals(b.path("format").asText(null))) out.put("format", format);
        if (a.has("enum") && b.has("enum")) out.set("enum", unionEnum(a.get("enum"), b.get("enum")));
        if (types.contains(JsonType.OBJECT)) {
            mergeObject(a, b, ta.contains(JsonType.OBJECT), tb.contains(JsonType.OBJECT), out);
        }
        if (types.contains(JsonType.ARRAY)) {
            JsonNode ia = a.get("items");
            JsonNode ib = b.get("items");
            if (ia != null && ib != null) out.set("items", mergeNode(ia, ib));
            else if (ia != null || ib != null) out.set("items", (ia != null ? ia : ib).deepCopy());
        }
        copyUnknown(a, out);
        return out;
    }

    /** The types a schema node allows, or null when it allows any (no {@code type} keyword). */
    private static EnumSet<JsonType> types(JsonNode node) {
        JsonNode type = node.get("type");
        if (type == null) return null;
        EnumSet<JsonType> set = EnumSet.noneOf(JsonType.class);
        if (type.isTextual()) addType(set, type.asText());
        for (JsonNode t : type) addType(set, t.asText());
        return set;
    }

    private static void addType(EnumSet<JsonType> set, String name) {
        JsonType t = JsonType.fromSchemaName(name);
        if (t != null) set.add(t);
    }

    private static void writeType(ObjectNode out, EnumSet<JsonType> types) {
        boolean nullable = types.remove(JsonType.NULL);
        if (types.size() == 1 && !nullable) {
            out.put("type", types.iterator().next().schemaName());
            return;
        }
        ArrayNode array = out.putArray("type");
        types.forEach(t -> array.add(t.schemaName()));
        if (nullable) array.add(JsonType.NULL.schemaName());
    }

    private static ArrayNode unionEnum(JsonNode a, JsonNode b) {
        TreeSet<String> strings = new TreeSet<>();
        boolean hasNull = false;
        for (JsonNode v : a) {
            if (v.isNull()) hasNull = true;
            else strings.add(v.asText());
        }
        for (JsonNode v : b) {
            if (v.isNull()) hasNull = true;
            else strings.add(v.asText());
        }
        ArrayNode array = NODES.arrayNode();
        strings.forEach(array::add);
        if (hasNull) array.addNull();
        return array;
    }

    /** Required stays required only where both sides saw objects and both required it. */
    private static void mergeObject(JsonNode a, JsonNode b, boolean aObjects, boolean bObjects, ObjectNode out) {
        TreeMap<String, JsonNode> props = new TreeMap<>();
        JsonNode pa = a.path("properties");
        JsonNode pb = b.path("properties");
        for (Map.Entry<String, JsonNode> e : pa.properties()) props.put(e.getKey(), e.getValue());
        for (Map.Entry<String, JsonNode> e : pb.properties()) {
            JsonNode mine = props.get(e.getKey());
            props.put(e.getKey(), mine == null ? e.getValue() : mergeNode(mine, e.getValue()));
        }
        ObjectNode propsNode = out.putObject("properties");
        props.forEach((k, v) -> propsNode.set(k, v.deepCopy()));
        List<String> required = new ArrayList<>();
        TreeSet<String> rb = new TreeSet<>();
        b.path("required").forEach(r -> rb.add(r.asText()));
        TreeSet<String> ra = new TreeSet<>();
        a.path("required").forEach(r -> ra.add(r.asText()));
        if (!aObjects) required.addAll(rb);
        else if (!bObjects) required.addAll(ra);
        else ra.stream().filter(rb::contains).forEach(required::add);
        if (!required.isEmpty()) {
            ArrayNode array = out.putArray("required");
            required.forEach(array::add);
        }
    }

    private static void copyUnknown(JsonNode from, ObjectNode out) {
        for (Iterator<String> names = from.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean known = switch (name) {
                case "$schema", "type", "format", "enum", "properties", "required", "items" -> true;
                default -> false;
            };
            if (!known && !out.has(name)) out.set(name, from.get(name).deepCopy());
        }
    }
}
