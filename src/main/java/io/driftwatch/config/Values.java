package io.driftwatch.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed reads of single values. Every method returns null (and reports nothing) for an absent node (Java
 * null) or for a scalar whose environment substitution already failed; otherwise it returns the value, or
 * reports a problem at the node and returns null. An explicit YAML null ({@code key:} with no value) is a
 * wrong type like any other, so an unfinished edit never silently means "use the default". Messages read
 * {@code path: expected X, got 'value'}.
 */
final class Values {

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** The node as a scalar, or null when it is a list or mapping; call after {@link #skip}. */
    private static YamlNode.Scalar usable(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? s : null;
    }

    /** Nothing to read: absent, or a scalar whose substitution failed (already reported). */
    static boolean skip(YamlNode node) {
        return node == null || (node instanceof YamlNode.Scalar s && s.broken());
    }

    void expected(YamlNode node, String what) {
        problems.at(node, "expected " + what + ", got " + node.describe());
    }

    String string(YamlNode node) {
        if (skip(node)) return null;
        YamlNode.Scalar s = usable(node);
        if (s == null || s.kind() != YamlNode.Kind.STRING) {
            expected(node, "a string");
            return null;
        }
        return s.text();
    }

    /** Any scalar as text: maps of headers, query parameters and labels take {@code 75} or {@code true} too. */
    String text(YamlNode node) {
        if (skip(node)) return null;
        YamlNode.Scalar s = usable(node);
        if (s == null || s.kind() == YamlNode.Kind.NULL) {
            expected(node, "a string");
            return null;
        }
        return s.text();
    }

    Integer integer(YamlNode node, int min) {
        if (skip(node)) return null;
        YamlNode.Scalar s = usable(node);
        Long value = s != null && s.kind() == YamlNode.Kind.INT ? parseLong(s.text()) : null;
        if (value == null || value < min || value > Integer.MAX_VALUE) {
            expected(node, min == 0 ? "a whole number >= 0" : "a whole number >= " + min);
            return null;
        }
        return value.intValue();
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    BigDecimal decimal(YamlNode node) {
        if (skip(node)) return null;
        YamlNode.Scalar s = usable(node);
        BigDecimal value = null;
        if (s != null && (s.kind() == YamlNode.Kind.INT || s.kind() == YamlNode.Kind.FLOAT)) {
            value = parseDecimal(s.text());
        }
        if (value == null) expected(node, "a number");
        return value;
    }

    /** Plain decimal notation (YAML 1.1 allows '_' between digits); checked first to avoid exceptions. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9_]*\\.?[0-9_]+([eE][-+]?[0-9]+)?");

    /** The number, or null when {@code text} is not in plain decimal notation. */
    static BigDecimal parseDecimal(String text) {
        if (!DECIMAL.matcher(text).matches()) return null;
        try {
            return new BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Boolean bool(YamlNode node) {
        if (skip(node)) return null;
        YamlNode.Scalar s = usable(node);
        if (s == null || s.kind() != YamlNode.Kind.BOOL) {
            expected(node, "true or false");
            return null;
        }
        return s.truthy();
    }

    /** A duration; {@code positive} rejects zero. Negative durations are never accepted. */
    Duration duration(YamlNode node, boolean positive) {
        if (skip(node)) return null;
        YamlNode.Scalar s = usable(node);
        Duration d = s != null && s.kind() == YamlNode.Kind.STRING ? Durations.parse(s.text()) : null;
        if (d == null || d.isNegative() || (positive && d.isZero())) {
            expected(node, positive ? "a positive " + Durations.FORMS.substring(2) : Durations.FORMS);
            return null;
        }
        return d;
    }

    /** An absolute http or https URL. */
    URI httpUrl(YamlNode node) {
        String text = string(node);
        if (text == null) return null;
        URI uri = parseHttpUrl(text);
        if (uri == null) expected(node, "an absolute http or https URL");
        return uri;
    }

    static URI parseHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** One of {@code allowed} (exact match), for small enumerations. */
    String oneOf(YamlNode node, List<String> allowed) {
        String text = string(node);
        if (text == null) return null;
        if (!allowed.contains(text)) {
            expected(node, "one of " + String.join(", ", allowed));
            return null;
        }
        return text;
    }

    /** A mapping of scalars (numbers and booleans read as their text), in file order. */
    Map<String, String> stringMap(YamlNode node) {
        if (skip(node)) return null;
        if (!(node instanceof YamlNode.Mapping m)) {
            expected(node, "a mapping of names to values");
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            String v = text(e.value());
            if (v != null) out.put(e.key(), v);
        }
        return out;
    }

    /** The items of a list, or null (reported) when the node is not a list. */
    List<YamlNode> list(YamlNode node) {
        if (skip(node)) return null;
        if (!(node instanceof YamlNode.Sequence s)) {
            expected(node, "a list");
            return null;
        }
        return s.items();
    }
}
