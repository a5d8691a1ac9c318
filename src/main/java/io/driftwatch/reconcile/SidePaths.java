package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to read one side's records: key, amount and (optional) currency JSONPaths, each relative to a
 * record. The key is the first scalar the key path matches; the amount is the sum of every number the
 * amount path matches (so {@code $.Line[*].Amount} works); a record whose currency path yields two
 * currencies is unusable, never summed. Compiled once; thread-safe.
 */
public final class SidePaths {

    private final JsonPathExpr key;
    private final JsonPathExpr amount;
    private final JsonPathExpr currency;

    private SidePaths(JsonPathExpr key, JsonPathExpr amount, JsonPathExpr currency) {
        this.key = key;
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * Compiles the paths of one side.
     *
     * @throws IllegalArgumentException naming the field whose JSONPath is missing or invalid
     */
    public static SidePaths compile(String key, String amount, String currency) {
        return new SidePaths(
                compileField("key", key),
                compileField("amount", amount),
                currency == null || currency.isBlank() ? null : compileField("currency", currency));
    }

    private static JsonPathExpr compileField(String field, String path) {
        if (path == null || path.isBlank()) throw new IllegalArgumentException(field + ": required");
        try {
            return JsonPathExpr.compile(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    public boolean currencyAware() {
        return currency != null;
    }

    /** {@code Amount} for {@code $.Amount}: how amounts of this side are called in messages. */
    public String amountLabel() {
        return amount.label();
    }

    public List<KeyedAmount> extract(List<JsonNode> records) {
        List<KeyedAmount> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) out.add(extract(records.get(i), i));
        return out;
    }

    KeyedAmount extract(JsonNode record, int index) {
        List<String> keys = Amounts.texts(key, record);
        String recordKey = keys.isEmpty() ? null : keys.get(0);
        String recordCurrency = null;
        if (currency != null) {
            Set<String> currencies = new LinkedHashSet<>(Amounts.texts(currency, record));
            if (currencies.size() > 1) {
                String problem = "amounts in " + String.join(", ", currencies) + " are never summed together";
                return new KeyedAmount(index, recordKey, null, null, problem);
            }
            recordCurrency = currencies.isEmpty() ? null : currencies.iterator().next();
        }
        if (recordKey == null) {
            return new KeyedAmount(index, null, recordCurrency, null, "no key at " + key.text());
        }
        try {
            Amounts.Sum sum = Amounts.sum(amount, record);
            if (sum.count() == 0) {
                return new KeyedAmount(index, recordKey, recordCurrency, null, amount.text() + " matched no number");
            }
            BigDecimal value = sum.value();
            return new KeyedAmount(index, recordKey, recordCurrency, value, null);
        } catch (Amounts.NotANumber e) {
            return new KeyedAmount(index, recordKey, recordCurrency, null, e.getMessage());
        }
    }
}
