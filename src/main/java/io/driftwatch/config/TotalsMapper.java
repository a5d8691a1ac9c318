package io.driftwatch.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps {@code expect.totals:} items to {@link TotalsRule}s; every path is compiled as JSONPath. */
final class TotalsMapper {

    private final Values values;

    TotalsMapper(Values values) {
        this.values = values;
    }

    List<TotalsRule> map(YamlNode node) {
        List<YamlNode> items = values.list(node);
        if (items == null) return null;
        List<TotalsRule> out = new ArrayList<>(items.size());
        Map<String, Integer> names = new HashMap<>();
        for (YamlNode item : items) {
            TotalsRule r = rule(item, names);
            if (r != null) out.add(r);
        }
        return out;
    }

    private TotalsRule rule(YamlNode item, Map<String, Integer> names) {
        Fields f = Fields.open(item, ConfigKeys.probe("expect.totals[]"), "", values);
        if (f == null) return null;
        String name = f.require("name") ? f.string("name") : null;
        if (name != null) {
            Integer first = names.putIfAbsent(name, f.get("name").line());
            if (first != null) {
                values.problems()
                        .at(f.get("name"), "duplicate totals name '" + name + "' (first at line " + first + ")");
            }
        }
        String records = Syntax.jsonPath(f.get("records"), values);
        String key = Syntax.jsonPath(f.get("key"), values);
        String sum = f.require("sum") ? Syntax.jsonPath(f.get("sum"), values) : null;
        String minus = Syntax.jsonPath(f.get("minus"), values);
        String plus = Syntax.jsonPath(f.get("plus"), values);
        String equals = f.require("equals") ? pathOrConstant(f.get("equals")) : null;
        BigDecimal tolerance = values.decimal(f.get("tolerance"));
        if (tolerance != null && tolerance.signum() < 0) {
            values.expected(f.get("tolerance"), "a number >= 0");
            tolerance = null;
        }
        String currency = Syntax.jsonPath(f.get("currency"), values);
        if (name == null || sum == null || equals == null) return null;
        return new TotalsRule(
                name,
                records,
                key,
                sum,
                minus,
                plus,
                equals,
                tolerance == null ? TotalsRule.DEFAULT_TOLERANCE : tolerance,
                currency);
    }

    /** A number written as such (or as a quoted decimal) is a constant; anything else must be a JSONPath. */
    private String pathOrConstant(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && !s.broken()) {
            BigDecimal constant = Values.parseDecimal(s.text());
            boolean numeric = s.kind() == YamlNode.Kind.INT
                    || s.kind() == YamlNode.Kind.FLOAT
                    || s.kind() == YamlNode.Kind.STRING;
            if (numeric && constant != null) return constant.toPlainString();
        }
        return Syntax.jsonPath(node, values);
    }
}
