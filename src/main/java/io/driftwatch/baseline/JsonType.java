package io.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The JSON value types a schema distinguishes. Integers and decimals are one type, {@link #NUMBER}: a
 * field that holds 10 in one response and 10.5 in the next has not drifted.
 */
public enum JsonType {
    ARRAY,
    BOOLEAN,
    NUMBER,
    OBJECT,
    STRING,
    NULL;

    /** The JSON Schema {@code type} keyword value ("integer" is reported as "number"). */
    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a parsed node; binary and POJO nodes (never produced by parsing) count as strings. */
    public static JsonType of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> OBJECT;
            case ARRAY -> ARRAY;
            case NUMBER -> NUMBER;
            case BOOLEAN -> BOOLEAN;
            case NULL, MISSING -> NULL;
            case STRING, BINARY, POJO -> STRING;
        };
    }

    /** Parses a JSON Schema type name; "integer" maps to {@link #NUMBER}; unknown names give null. */
    public static JsonType fromSchemaName(String name) {
        return switch (name) {
            case "array" -> ARRAY;
            case "boolean" -> BOOLEAN;
            case "number", "integer" -> NUMBER;
            case "object" -> OBJECT;
            case "string" -> STRING;
            case "null" -> NULL;
            default -> null;
        };
    }
}
