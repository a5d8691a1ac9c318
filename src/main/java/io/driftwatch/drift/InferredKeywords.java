package io.driftwatch.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Whether a schema uses only the keywords {@code SchemaInferrer} writes (plus annotations that assert nothing). */
final class InferredKeywords {
    private static final Set<String> KEYWORDS = Set.of(
            "$schema", "type", "format", "enum", "required", "properties", "items", "title", "description", "$comment");

    private InferredKeywords() {}

    static boolean only(JsonNode schema) {
        if (schema == null || !schema.isObject()) return false;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String keyword = e.getKey();
            if (!KEYWORDS.contains(keyword)) return false;
            if (keyword.equals("items") && !only(e.getValue())) return false;
            if (keyword.equals("properties")) {
                if (!e.getValue().isObject()) return false;
                for (JsonNode property : e.getValue()) {
                    if (!only(property)) return false;
                }
            }
        }
        return true;
    }
}
