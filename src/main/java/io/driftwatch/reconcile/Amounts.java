package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns JSONPath matches into money. Numbers and numeric strings ({@code "12.50"}, as some vendors
 * send) count; JSON null and missing values are skipped; anything else (an object, a boolean, a word)
 * is an error naming the path, because summing it silently would hide a drift.
 */
final class Amounts {

    private static final int MAX_SHOWN = 40;

    private Amounts() {}

    /** The sum of every number matched, and how many there were (0 when nothing numeric matched). */
    record Sum(BigDecimal value, int count) {
        static final Sum EMPTY = new Sum(BigDecimal.ZERO, 0);

        Sum plus(BigDecimal amount) {
            return new Sum(count == 0 ? amount : value.add(amount), count + 1);
        }
    }

    /** Thrown when a match is not a number; the message names the path and the value's kind. */
    static final class NotANumber extends Exception {
        private static final long serialVersionUID = 1L;

        NotANumber(String message) {
            super(message);
        }
    }

    static Sum sum(JsonPathExpr path, JsonNode document) throws NotANumber {
        Sum sum = Sum.EMPTY;
        for (Object match : path.read(document)) sum = add(sum, match, path);
        return sum;
    }

    private static Sum add(Sum sum, Object value, JsonPathExpr path) throws NotANumber {
        if (value == null) return sum;
        if (value instanceof JsonNode node) return addNode(sum, node, path);
        if (value instanceof BigDecimal d) return sum.plus(d);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return sum.plus(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger i) return sum.plus(new BigDecimal(i));
        // Only reachable for trees not parsed by ExactJson; the shortest decimal form is the best left.
        if (value instanceof Double d) return sum.plus(new BigDecimal(Double.toString(d)));
        if (value instanceof Float f) return sum.plus(new BigDecimal(Float.toString(f)));
        if (value instanceof String s) return sum.plus(parse(s, path));
        if (value instanceof Iterable<?> items) {
            for (Object item : items) sum = add(sum, item, path);
            return sum;
        }
        throw new NotANumber(path.text() + " matched " + value + ", not a number");
    }

    private static Sum addNode(Sum sum, JsonNode node, JsonPathExpr path) throws NotANumber {
        if (node.isNull() || node.isMissingNode()) return sum;
        if (node.isNumber()) return sum.plus(node.decimalValue());
        if (node.isTextual()) return sum.plus(parse(node.textValue(), path));
        if (node.isArray()) {
            for (JsonNode item : node) sum = addNode(sum, item, path);
            return sum;
        }
        String kind = node.isObject() ? "an object" : node.toString();
        throw new NotANumber(path.text() + " matched " + kind + ", not a number");
    }

    private static BigDecimal parse(String text, JsonPathExpr path) throws NotANumber {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new NotANumber(path.text() + " matched \"" + shorten(text) + "\", not a number");
        }
    }

    /** Scalars matched by a path as text (currency codes, keys): numbers in plain notation, arrays flattened. */
    static List<String> texts(JsonPathExpr path, JsonNode document) {
        List<String> out = new ArrayList<>();
        for (Object match : path.read(document)) addText(out, match);
        return out;
    }

    private static void addText(List<String> out, Object value) {
        if (value instanceof JsonNode node && node.isArray()) {
            for (JsonNode item : node) addText(out, item);
            return;
        }
        String text = text(value);
        if (text != null && !text.isEmpty()) out.add(text);
    }

    static String text(Object value) {
        if (value == null) return null;
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) return null;
            if (node.isNumber()) return node.decimalValue().toPlainString();
            return node.isValueNode() ? node.asText() : node.toString();
        }
        if (value instanceof BigDecimal d) return d.toPlainString();
        return value.toString();
    }

    static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
