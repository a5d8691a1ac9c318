package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a {@link ParsedQuery} over in-memory records: filter, sort, then offset and limit. QuickBooks field
 * names are case-sensitive; SOQL's are not (and SOQL text equality ignores case).
 */
final class QueryEngine {
    private final boolean caseInsensitive;

    QueryEngine(QueryParser.Dialect dialect) {
        this.caseInsensitive = dialect == QueryParser.Dialect.SOQL;
    }

    /** The matching records, sorted, before offset and limit (callers page and count them). */
    List<ObjectNode> select(List<ObjectNode> records, ParsedQuery q) {
        var out = new ArrayList<ObjectNode>();
        for (ObjectNode r : records) {
            if (matches(r, q.where())) out.add(r);
        }
        if (q.orderBy() != null) {
            Comparator<ObjectNode> cmp = (a, b) -> compareValues(lookup(a, q.orderBy()), lookup(b, q.orderBy()));
            out.sort(q.descending() ? cmp.reversed() : cmp);
        }
        return out;
    }

    /** The value at a dotted path, unwrapping QuickBooks references ({@code {"value": ...}}); null if absent. */
    JsonNode lookup(JsonNode record, String dotted) {
        JsonNode at = record;
        for (String part : dotted.split("\\.")) {
            at = child(at, part);
            if (at == null) return null;
        }
        if (at.isObject() && at.has("value")) at = at.get("value");
        return at.isNull() ? null : at;
    }

    /** The canonical spelling of {@code name} among {@code node}'s fields, or null. */
    String canonical(JsonNode node, String name) {
        if (node.has(name)) return name;
        if (!caseInsensitive) return null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getKey();
        }
        return null;
    }

    private JsonNode child(JsonNode node, String name) {
        if (node == null || !node.isObject()) return null;
        String key = canonical(node, name);
        return key == null ? null : node.get(key);
    }

    private boolean matches(JsonNode record, List<List<ParsedQuery.Condition>> where) {
        if (where.isEmpty()) return true;
        for (List<ParsedQuery.Condition> group : where) {
            boolean all = true;
            for (ParsedQuery.Condition c : group) all &= test(lookup(record, c.field()), c);
            if (all) return true;
        }
        return false;
    }

    private boolean test(JsonNode value, ParsedQuery.Condition c) {
        Object lit = c.values().get(0);
        return switch (c.op()) {
            case "IN" -> c.values().stream().anyMatch(v -> equalTo(value, v));
            case "=" -> equalTo(value, lit);
            case "!=" -> !equalTo(value, lit);
            case "LIKE" -> value != null && like(value.asText(), String.valueOf(lit));
            default -> {
                if (value == null || ParsedQuery.NULL.equals(lit)) yield false;
                int cmp = compareValues(value, lit);
                yield switch (c.op()) {
                    case "<" -> cmp < 0;
                    case ">" -> cmp > 0;
                    case "<=" -> cmp <= 0;
                    default -> cmp >= 0;
                };
            }
        };
    }

    private boolean equalTo(JsonNode value, Object lit) {
        if (ParsedQuery.NULL.equals(lit)) return value == null;
        if (value == null) return false;
        if (lit instanceof Boolean b)
            return value.isBoolean()
                    ? value.booleanValue() == b
                    : value.asText().equals(b.toString());
        return compareValues(value, lit) == 0;
    }

    private boolean like(String text, String pattern) {
        var regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '%') regex.append(".*");
            else if (ch == '_' && caseInsensitive) regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(text)
                .matches();
    }

    /** Numbers compare numerically (either side may be a numeric string), everything else as text. */
    private int compareValues(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        BigDecimal na = number(a);
        BigDecimal nb = number(b);
        if (na != null && nb != null) return na.compareTo(nb);
        String sa = text(a);
        String sb = text(b);
        return caseInsensitive ? sa.toLowerCase(Locale.ROOT).compareTo(sb.toLowerCase(Locale.ROOT)) : sa.compareTo(sb);
    }

    private static BigDecimal number(Object o) {
        if (o instanceof BigDecimal d) return d;
        if (o instanceof JsonNode n && n.isNumber()) return n.decimalValue();
        String s = text(o);
        if (!s.matches("-?\\d+(\\.\\d+)?")) return null;
        return new BigDecimal(s);
    }

    private static String text(Object o) {
        return o instanceof JsonNode n ? n.asText() : String.valueOf(o);
    }
}
