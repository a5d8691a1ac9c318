package io.driftwatch.reconcile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * A push body, parsed exactly and checked for shape: {@code {"before": <payload>, "after": <payload>}}
 * or {@code {"source": <records or payload>, "target": <records or payload>}}. Errors are the
 * client-facing text, so they are exact and stable.
 */
sealed interface PushBody {

    record BeforeAfter(JsonNode before, JsonNode after) implements PushBody {}

    record SourceTarget(JsonNode source, JsonNode target) implements PushBody {}

    record Invalid(String message) implements PushBody {}

    String EXPECTED = "expected 'before' and 'after', or 'source' and 'target'";

    static PushBody parse(byte[] body) {
        JsonNode root;
        try {
            root = ExactJson.parse(body);
        } catch (JsonProcessingException e) {
            return new Invalid(malformed(e));
        } catch (IOException e) {
            return new Invalid("malformed JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) return new Invalid("empty body: " + EXPECTED);
        if (!root.isObject()) return new Invalid("body must be a JSON object, got " + kind(root));
        Set<String> allowed = Set.of("before", "after", "source", "target");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) return new Invalid("unknown field '" + name + "' (" + EXPECTED + ")");
        }
        boolean pair = root.has("before") || root.has("after");
        boolean collections = root.has("source") || root.has("target");
        if (pair && collections) {
            return new Invalid("give either 'before' and 'after', or 'source' and 'target', not both");
        }
        if (!pair && !collections) return new Invalid("missing fields: " + EXPECTED);
        String first = pair ? "before" : "source";
        String second = pair ? "after" : "target";
        for (String name : new String[] {first, second}) {
            JsonNode value = root.get(name);
            if (value == null) return new Invalid("missing field '" + name + "'");
            if (!value.isContainerNode()) {
                return new Invalid("field '" + name + "' must be a JSON object or array, got " + kind(value));
            }
        }
        return pair
                ? new BeforeAfter(root.get("before"), root.get("after"))
                : new SourceTarget(root.get("source"), root.get("target"));
    }

    private static String malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
        String reason = e.getOriginalMessage();
        if (reason != null && reason.startsWith("Trailing token")) {
            reason = "unexpected content after the end of the JSON value";
        }
        return "malformed JSON" + where + ": " + reason;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
