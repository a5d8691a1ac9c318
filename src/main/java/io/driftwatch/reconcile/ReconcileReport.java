package io.driftwatch.reconcile;

import io.driftwatch.finding.Finding;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one reconciliation found. Lists are complete (not capped) and in source order, then
 * target order; {@link #toFindings} caps what is reported.
 *
 * @param matched keys present exactly once on each side, whose amounts were joined (mismatching or not)
 * @param invalid records that could not take part: no key, or an amount missing or not a number
 * @param largestAbsDelta the largest |target - source| among joined pairs, zero when none
 */
public record ReconcileReport(
        Side.Names names,
        BigDecimal tolerance,
        int matched,
        List<AmountMismatch> mismatches,
        List<CurrencyMismatch> currencyMismatches,
        List<KeyedAmount> sourceOrphans,
        List<KeyedAmount> targetOrphans,
        List<Duplicate> sourceDuplicates,
        List<Duplicate> targetDuplicates,
        List<Invalid> invalid,
        SideTotals sourceTotals,
        SideTotals targetTotals,
        BigDecimal largestAbsDelta) {

    public ReconcileReport {
        mismatches = List.copyOf(mismatches);
        currencyMismatches = List.copyOf(currencyMismatches);
        sourceOrphans = List.copyOf(sourceOrphans);
        targetOrphans = List.copyOf(targetOrphans);
        sourceDuplicates = List.copyOf(sourceDuplicates);
        targetDuplicates = List.copyOf(targetDuplicates);
        invalid = List.copyOf(invalid);
    }

    /** A key on both sides whose amounts differ beyond the tolerance; {@code delta = target - source}. */
    public record AmountMismatch(String key, String currency, BigDecimal source, BigDecimal target, BigDecimal delta) {}

    /** A key on both sides whose amounts are in different currencies; not compared. */
    public record CurrencyMismatch(
            String key, String sourceCurrency, String targetCurrency, BigDecimal source, BigDecimal target) {}

    /** A key carried by more than one record of one side (record positions, 0-based). */
    public record Duplicate(String key, List<Integer> indices) {
        public Duplicate {
            indices = List.copyOf(indices);
        }
    }

    /** A record that could not be joined or compared, on side {@code source} or {@code target}. */
    public record Invalid(String side, KeyedAmount record) {}

    /**
     * Count and sums of one side. Sums are per currency and never added across currencies; the key is
     * the currency code, or {@link #UNSPECIFIED} for records without one.
     */
    public record SideTotals(int records, Map<String, BigDecimal> sums) {
        public static final String UNSPECIFIED = "unspecified";

        public SideTotals {
            sums = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sums));
        }
    }

    public ReconcileSummary summary() {
        EnumMap<MismatchKind, Integer> counts = new EnumMap<>(MismatchKind.class);
        counts.put(MismatchKind.AMOUNT, mismatches.size());
        counts.put(MismatchKind.CURRENCY, currencyMismatches.size());
        counts.put(MismatchKind.ORPHAN_SOURCE, sourceOrphans.size());
        counts.put(MismatchKind.ORPHAN_TARGET, targetOrphans.size());
        counts.put(MismatchKind.DUPLICATE_SOURCE, sourceDuplicates.size());
        counts.put(MismatchKind.DUPLICATE_TARGET, targetDuplicates.size());
        counts.put(MismatchKind.INVALID, invalid.size());
        return new ReconcileSummary(largestAbsDelta, counts);
    }

    public boolean clean() {
        return summary().total() == 0;
    }

    /** At most {@code cap} problem findings, a summary of the rest, and one INFO finding with the totals. */
    public List<Finding> toFindings(String check, int cap) {
        return ReconcileFindings.of(check, this, cap);
    }

    public List<Finding> toFindings(String check) {
        return toFindings(check, TotalsFindings.DEFAULT_CAP);
    }
}
