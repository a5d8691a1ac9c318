package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.reconcile.RecordTotal.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@link TotalsRule}, compiled once: for each record, {@code sum - minus + plus} against
 * {@code equals}, exactly in BigDecimal. Thread-safe and reusable across runs.
 *
 * <p>Semantics: every expression sums all numbers it matches (numeric strings included, nulls
 * skipped); an expression that matches nothing contributes 0, except {@code equals}, which must match
 * a number. Records come from {@code records} (none matched = nothing to check), or the payload is one
 * record. A record's key is {@code key}, else {@code $.Id}, else {@code #index}. With {@code currency}
 * set, a record whose currency path yields more than one currency is reported, never summed.
 */
public final class TotalsEvaluator {

    private static final JsonPathExpr ID = JsonPathExpr.compile("$.Id");

    private final TotalsRule rule;
    private final JsonPathExpr records;
    private final JsonPathExpr key;
    private final JsonPathExpr sum;
    private final JsonPathExpr minus;
    private final JsonPathExpr plus;
    private final JsonPathExpr equalsPath;
    private final BigDecimal equalsConstant;
    private final JsonPathExpr currency;
    private final BigDecimal tolerance;

    /**
     * Compiles the rule.
     *
     * @throws IllegalArgumentException listing every problem of {@link #problems(TotalsRule)}
     */
    public TotalsEvaluator(TotalsRule rule) {
        List<String> problems = problems(rule);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("totals rule " + ruleName(rule) + ": " + String.join("; ", problems));
        }
        this.rule = rule;
        this.records = optional(rule.records());
        this.key = optional(rule.key());
        this.sum = JsonPathExpr.compile(rule.sum());
        this.minus = optional(rule.minus());
        this.plus = optional(rule.plus());
        boolean isPath = isPath(rule.equals());
        this.equalsPath = isPath ? JsonPathExpr.compile(rule.equals()) : null;
        this.equalsConstant = isPath ? null : new BigDecimal(rule.equals().strip());
        this.currency = optional(rule.currency());
        this.tolerance = Money.tolerance(rule.tolerance());
    }

    /**
     * Problems in a rule, each prefixed with its field ({@code sum: required},
     * {@code minus: invalid JSONPath '$.[': ...}); empty when the rule is usable. For the config loader.
     */
    public static List<String> problems(TotalsRule rule) {
        List<String> problems = new ArrayList<>();
        if (rule.sum() == null || rule.sum().isBlank()) problems.add("sum: required");
        if (rule.equals() == null || rule.equals().isBlank()) {
            problems.add("equals: required (a JSONPath such as $.TotalAmt, or a decimal constant)");
        } else if (!isPath(rule.equals())) {
            try {
                new BigDecimal(rule.equals().strip());
            } catch (NumberFormatException e) {
                problems.add("equals: '" + rule.equals() + "' is neither a JSONPath (starting with $) nor a number");
            }
        }
        check(problems, "records", rule.records());
        check(problems, "key", rule.key());
        check(problems, "sum", rule.sum());
        check(problems, "minus", rule.minus());
        check(problems, "plus", rule.plus());
        if (isPath(rule.equals())) check(problems, "equals", rule.equals());
        check(problems, "currency", rule.currency());
        if (rule.tolerance() != null && rule.tolerance().signum() < 0) {
            problems.add("tolerance: must not be negative, got " + Money.plain(rule.tolerance()));
        }
        return problems;
    }

    public TotalsRule rule() {
        return rule;
    }

    public BigDecimal tolerance() {
        return tolerance;
    }

    /** True when {@code equals} reads the payload (a stated total), false for a constant. */
    public boolean statesTotal() {
        return equalsPath != null;
    }

    public TotalsOutcome evaluate(JsonNode payload) {
        List<JsonNode> selected = records(payload);
        List<RecordTotal> results = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) results.add(evaluate(selected.get(i), i));
        return new TotalsOutcome(results);
    }

    /** The records the rule applies to: those {@code records} matches, or the payload itself. */
    public List<JsonNode> records(JsonNode payload) {
        if (records == null) return List.of(payload);
        List<JsonNode> out = new ArrayList<>();
        for (Object match : records.read(payload)) {
            if (match instanceof JsonNode node && node.isContainerNode()) out.add(node);
        }
        return out;
    }

    /** {@code key}, else {@code $.Id}, else {@code #index}. */
    public String keyOf(JsonNode record, int index) {
        String found = key == null ? null : first(key, record);
        if (found == null) found = first(ID, record);
        return found != null ? found : "#" + index;
    }

    /** What one record is called in messages: {@code Invoice} for {@code $.QueryResponse.Invoice[*]}. */
    public String recordNoun() {
        return records == null ? "payload" : records.label();
    }

    private RecordTotal evaluate(JsonNode record, int index) {
        String recordKey = keyOf(record, index);
        String recordCurrency = null;
        if (currency != null) {
            Set<String> currencies = new LinkedHashSet<>(Amounts.texts(currency, record));
            if (currencies.size() > 1) {
                String problem = "amounts in " + String.join(", ", currencies) + " are never summed together";
                return RecordTotal.unusable(index, recordKey, null, Status.MIXED_CURRENCY, problem);
            }
            recordCurrency = currencies.isEmpty() ? null : currencies.iterator().next();
        }
        try {
            BigDecimal s = Amounts.sum(sum, record).value();
            BigDecimal m = minus == null ? null : Amounts.sum(minus, record).value();
            BigDecimal p = plus == null ? null : Amounts.sum(plus, record).value();
            BigDecimal actual = equalsConstant;
            if (equalsPath != null) {
                Amounts.Sum stated = Amounts.sum(equalsPath, record);
                if (stated.count() == 0) {
                    return RecordTotal.unusable(
                            index, recordKey, recordCurrency, Status.INVALID, equalsPath.text() + " matched no number");
                }
                actual = stated.value();
            }
            BigDecimal expected = s;
            if (m != null) expected = expected.subtract(m);
            if (p != null) expected = expected.add(p);
            BigDecimal delta = actual.subtract(expected);
            Status status = Money.within(delta, tolerance) ? Status.OK : Status.OFF;
            return new RecordTotal(index, recordKey, recordCurrency, s, m, p, expected, actual, delta, status, null);
        } catch (Amounts.NotANumber e) {
            return RecordTotal.unusable(index, recordKey, recordCurrency, Status.INVALID, e.getMessage());
        }
    }

    // Labels for messages, derived from the paths (see JsonPathExpr.label()).
    String sumLabel() {
        return sum.label();
    }

    String minusLabel() {
        return minus == null ? null : minus.label();
    }

    String plusLabel() {
        return plus == null ? null : plus.label();
    }

    String equalsLabel() {
        return equalsPath == null ? "equals" : equalsPath.label();
    }

    static String ruleName(TotalsRule rule) {
        return rule.name() == null || rule.name().isBlank() ? "(unnamed)" : "'" + rule.name() + "'";
    }

    private static String first(JsonPathExpr path, JsonNode record) {
        List<String> texts = Amounts.texts(path, record);
        return texts.isEmpty() ? null : texts.get(0);
    }

    private static boolean isPath(String expression) {
        if (expression == null) return false;
        String s = expression.strip();
        return s.startsWith("$") || s.startsWith("@");
    }

    private static JsonPathExpr optional(String path) {
        return path == null || path.isBlank() ? null : JsonPathExpr.compile(path);
    }

    private static void check(List<String> problems, String field, String path) {
        if (path == null || path.isBlank()) return;
        try {
            JsonPathExpr.compile(path);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
        }
    }
}
