package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of a reconciliation, already reduced to keyed amounts.
 *
 * @param name how findings call this side: {@code salesforce}, {@code quickbooks}, {@code before}...
 * @param amountLabel how findings call its amounts: {@code Amount}, {@code TotalAmt}
 * @param currencyAware whether records carry a currency (only then are currencies compared)
 */
public record Side(String name, String amountLabel, boolean currencyAware, List<KeyedAmount> entries) {

    public Side {
        entries = List.copyOf(entries);
    }

    /** The names and amount labels of both sides, as findings state them. */
    public record Names(String source, String sourceAmount, String target, String targetAmount) {}

    public static Side of(String name, List<JsonNode> records, SidePaths paths) {
        return new Side(name, paths.amountLabel(), paths.currencyAware(), paths.extract(records));
    }

    /**
     * A payload judged by a totals rule, as a side: each record's stated total ({@code equals} path),
     * or its computed total when {@code equals} is a constant. Keys as {@link TotalsEvaluator#keyOf}.
     */
    public static Side ofTotals(String name, TotalsEvaluator rule, TotalsOutcome outcome) {
        List<KeyedAmount> entries = new ArrayList<>(outcome.records().size());
        for (RecordTotal r : outcome.records()) {
            var amount = rule.statesTotal() ? r.actual() : r.expected();
            String problem = amount == null ? r.problem() : null;
            entries.add(new KeyedAmount(r.index(), r.key(), r.currency(), amount, problem));
        }
        String label = rule.statesTotal() ? rule.equalsLabel() : "total";
        return new Side(name, label, rule.rule().currency() != null, entries);
    }
}
