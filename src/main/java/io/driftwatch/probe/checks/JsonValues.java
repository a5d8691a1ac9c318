package io.driftwatch.probe.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** JSON value helpers shared by checks: decimal comparison (never via double), type names. */
public final class JsonValues {
    private JsonValues() {}

    /** The JSON Schema type name of a node: string, integer, number, boolean, object, array, null. */
    public static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING, BINARY -> "string";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case NULL, MISSING -> "null";
        };
    }

    /** A number node, or a string holding a decimal, as BigDecimal; null otherwise. */
    public static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) return node.decimalValue();
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static boolean isWhole(JsonNode node) {
        BigDecimal d = node.decimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** Equality where numbers compare by value (10 == 10.0) and everything else structurally. */
    public static boolean sameValue(JsonNode actual, JsonNode expected) {
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }
}
