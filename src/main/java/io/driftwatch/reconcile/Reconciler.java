package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.reconcile.ReconcileReport.AmountMismatch;
import io.driftwatch.reconcile.ReconcileReport.CurrencyMismatch;
import io.driftwatch.reconcile.ReconcileReport.Duplicate;
import io.driftwatch.reconcile.ReconcileReport.Invalid;
import io.driftwatch.reconcile.ReconcileReport.SideTotals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins two sides by key and compares their amounts (source = before / system of record, target =
 * after / downstream system). Rules:
 *
 * <ul>
 *   <li>A key on one side only is an orphan of that side (however many records carry it).
 *   <li>A key carried by several records of one side is a duplicate of that side; it is not compared,
 *       because which record should match is ambiguous (the external-id uniqueness preflight).
 *   <li>A key once on each side is matched: amounts are compared when both are readable, in the same
 *       currency (when both sides name a currency path), and {@code |target - source| <= tolerance}
 *       exactly in BigDecimal.
 *   <li>Records without a key or a readable amount are invalid; they still count in the side's totals.
 * </ul>
 *
 * Linear in the number of records. Stateless and thread-safe.
 */
public final class Reconciler {

    private final BigDecimal tolerance;

    /**
     * Creates a reconciler comparing amounts within {@code tolerance}.
     *
     * @param tolerance null means the default 0.01; negative is rejected
     */
    public Reconciler(BigDecimal tolerance) {
        this.tolerance = Money.tolerance(tolerance);
    }

    /** Convenience for records already selected: reads key, amount and currency with each side's paths. */
    public ReconcileReport reconcile(
            String sourceName,
            List<JsonNode> source,
            SidePaths sourcePaths,
            String targetName,
            List<JsonNode> target,
            SidePaths targetPaths) {
        return reconcile(Side.of(sourceName, source, sourcePaths), Side.of(targetName, target, targetPaths));
    }

    public ReconcileReport reconcile(Side source, Side target) {
        Map<String, List<KeyedAmount>> sourceByKey = byKey(source);
        Map<String, List<KeyedAmount>> targetByKey = byKey(target);
        List<Invalid> invalid = new ArrayList<>();
        collectKeyless(source, "source", invalid);
        collectKeyless(target, "target", invalid);

        List<AmountMismatch> mismatches = new ArrayList<>();
        List<CurrencyMismatch> currencyMismatches = new ArrayList<>();
        List<KeyedAmount> sourceOrphans = new ArrayList<>();
        BigDecimal largest = BigDecimal.ZERO;
        int matched = 0;
        boolean compareCurrencies = source.currencyAware() && target.currencyAware();

        for (Map.Entry<String, List<KeyedAmount>> entry : sourceByKey.entrySet()) {
            List<KeyedAmount> targets = targetByKey.get(entry.getKey());
            if (targets == null) {
                sourceOrphans.addAll(entry.getValue().subList(0, 1));
                continue;
            }
            if (entry.getValue().size() > 1 || targets.size() > 1) continue; // reported as duplicates
            matched++;
            KeyedAmount s = entry.getValue().get(0);
            KeyedAmount t = targets.get(0);
            if (s.amount() == null) invalid.add(new Invalid("source", s));
            if (t.amount() == null) invalid.add(new Invalid("target", t));
            if (s.amount() == null || t.amount() == null) continue;
            if (compareCurrencies && differ(s.currency(), t.currency())) {
                currencyMismatches.add(
                        new CurrencyMismatch(s.key(), s.currency(), t.currency(), s.amount(), t.amount()));
                continue;
            }
            BigDecimal delta = t.amount().subtract(s.amount());
            largest = largest.max(delta.abs());
            if (!Money.within(delta, tolerance)) {
                String currency = s.currency() != null ? s.currency() : t.currency();
                mismatches.add(new AmountMismatch(s.key(), currency, s.amount(), t.amount(), delta));
            }
        }
        List<KeyedAmount> targetOrphans = new ArrayList<>();
        targetByKey.forEach((key, records) -> {
            if (!sourceByKey.containsKey(key)) targetOrphans.add(records.get(0));
        });
        return new ReconcileReport(
                new Side.Names(source.name(), source.amountLabel(), target.name(), target.amountLabel()),
                tolerance,
                matched,
                mismatches,
                currencyMismatches,
                sourceOrphans,
                targetOrphans,
                duplicates(sourceByKey),
                duplicates(targetByKey),
                invalid,
                totals(source),
                totals(target),
                largest);
    }

    /** Keyed records grouped by key, in first-seen order. */
    private static Map<String, List<KeyedAmount>> byKey(Side side) {
        Map<String, List<KeyedAmount>> byKey =
                new LinkedHashMap<>(side.entries().size() * 2);
        for (KeyedAmount e : side.entries()) {
            if (e.key() != null)
                byKey.computeIfAbsent(e.key(), k -> new ArrayList<>(1)).add(e);
        }
        return byKey;
    }

    private static void collectKeyless(Side side, String role, List<Invalid> invalid) {
        for (KeyedAmount e : side.entries()) {
            if (e.key() == null) invalid.add(new Invalid(role, e));
        }
    }

    private static List<Duplicate> duplicates(Map<String, List<KeyedAmount>> byKey) {
        List<Duplicate> out = new ArrayList<>();
        byKey.forEach((key, records) -> {
            if (records.size() > 1) {
                out.add(new Duplicate(
                        key, records.stream().map(KeyedAmount::index).toList()));
            }
        });
        return out;
    }

    /** Count of all records; sums of readable amounts per currency, never across currencies. */
    private static SideTotals totals(Side side) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (KeyedAmount e : side.entries()) {
            if (e.amount() == null) continue;
            String currency = e.currency() != null ? e.currency() : SideTotals.UNSPECIFIED;
            sums.merge(currency, e.amount(), BigDecimal::add);
        }
        return new SideTotals(side.entries().size(), sums);
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }
}
