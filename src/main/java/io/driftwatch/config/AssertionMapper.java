package io.driftwatch.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Maps {@code expect.assertions:} items to {@link Assertion}s: a JSONPath and exactly one operator. */
final class AssertionMapper {

    static final List<String> OPERATORS =
            List.of("exists", "equals", "matches", "lessThan", "greaterThan", "length", "type");
    static final List<String> TYPES = List.of("string", "number", "integer", "boolean", "object", "array", "null");

    private final Values values;

    AssertionMapper(Values values) {
        this.values = values;
    }

    List<Assertion> map(YamlNode node) {
        List<YamlNode> items = values.list(node);
        if (items == null) return null;
        List<Assertion> out = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            Assertion a = assertion(item);
            if (a != null) out.add(a);
        }
        return out;
    }

    private Assertion assertion(YamlNode item) {
        Fields f = Fields.open(item, ConfigKeys.probe("expect.assertions[]"), "", values);
        if (f == null) return null;
        String path = f.require("path") ? Syntax.jsonPath(f.get("path"), values) : null;
        List<String> present = OPERATORS.stream().filter(f::has).toList();
        if (present.size() != 1) {
            String found = present.isEmpty() ? "found none" : "found: " + String.join(", ", present);
            values.problems().at(item, "expected exactly one of " + String.join(", ", OPERATORS) + " (" + found + ")");
        }
        Boolean exists = f.bool("exists");
        var equalTo = f.has("equals") ? YamlJson.toJson(f.get("equals")) : null;
        String matches = Syntax.regex(f.get("matches"), values);
        BigDecimal lessThan = values.decimal(f.get("lessThan"));
        BigDecimal greaterThan = values.decimal(f.get("greaterThan"));
        Integer length = f.integer("length", 0);
        String type = values.oneOf(f.get("type"), TYPES);
        if (path == null || present.size() != 1) return null;
        return new Assertion(path, exists, equalTo, matches, lessThan, greaterThan, length, type);
    }
}
