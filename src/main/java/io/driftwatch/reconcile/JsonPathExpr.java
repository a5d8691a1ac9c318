package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSONPath compiled once, evaluated against exact trees from {@link ExactJson}. Reading never throws
 * for a missing path: it returns an empty list. Thread-safe.
 */
public final class JsonPathExpr {

    private static final Pattern FILTER_LITERAL = Pattern.compile("==\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern PROPERTY = Pattern.compile("(?:\\.|\\[')([A-Za-z_][A-Za-z0-9_]*)");

    private final String text;
    private final JsonPath path;

    private JsonPathExpr(String text, JsonPath path) {
        this.text = text;
        this.path = path;
    }

    /**
     * Compiles a path once.
     *
     * @throws IllegalArgumentException {@code invalid JSONPath '<text>': <reason>}
     */
    public static JsonPathExpr compile(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty JSONPath");
        try {
            return new JsonPathExpr(text, JsonPath.compile(text));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSONPath '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Every value the path matches, in document order: JsonNodes or unwrapped scalars. */
    @SuppressWarnings("unchecked")
    public List<Object> read(JsonNode document) {
        Object result = path.read(document, ExactJson.jsonPath());
        return result instanceof List<?> list ? (List<Object>) list : List.of();
    }

    public String text() {
        return text;
    }

    /**
     * A short name for messages: the literal a filter compares with ({@code SalesItemLineDetail} for
     * {@code $.Line[?(@.DetailType == 'SalesItemLineDetail')].Amount}), else the last property name
     * ({@code TotalAmt}), else the path itself.
     */
    public String label() {
        Matcher literal = FILTER_LITERAL.matcher(text);
        if (literal.find()) return literal.group(1);
        String last = null;
        Matcher property = PROPERTY.matcher(text);
        while (property.find()) last = property.group(1);
        return last != null ? last : text;
    }

    @Override
    public String toString() {
        return text;
    }
}
