package io.driftwatch.reconcile;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import io.driftwatch.reconcile.ReconcileReport.AmountMismatch;
import io.driftwatch.reconcile.ReconcileReport.CurrencyMismatch;
import io.driftwatch.reconcile.ReconcileReport.Duplicate;
import io.driftwatch.reconcile.ReconcileReport.Invalid;
import io.driftwatch.reconcile.ReconcileReport.SideTotals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Findings for a reconcile report, in this order: amount mismatches, currency mismatches, source
 * orphans, target orphans, source duplicates, target duplicates, invalid records; at most {@code cap}
 * of those, then one summary of the rest, then always one INFO finding with both sides' totals.
 *
 * <p>Message shapes (text is API; names and labels come from the sides):
 * <pre>
 * OPP-1037: salesforce Amount 145.80 USD, quickbooks TotalAmt 145.82 USD (delta 0.02 &gt; 0.01)
 * OPP-1040: salesforce Amount 100.00 USD, quickbooks TotalAmt 100.00 EUR: different currencies, not compared
 * OPP-1038: in salesforce (Amount 900.00 USD) but not in quickbooks
 * OPP-1039: 2 salesforce records share this key (#4, #7); not compared
 * salesforce OPP-1041: cannot compare: $.Amount matched no number
 * 12 more findings not listed (of 62: 40 amount, 0 currency, 10 orphan-source, ...)
 * salesforce: 7 records, 4590.00 USD; quickbooks: 7 records, 4590.02 USD; 5 matched
 * </pre>
 */
final class ReconcileFindings {

    private ReconcileFindings() {}

    static List<Finding> of(String check, ReconcileReport r, int cap) {
        Side.Names n = r.names();
        List<Finding> problems = new ArrayList<>();
        for (AmountMismatch m : r.mismatches()) {
            if (problems.size() > cap) break;
            problems.add(amount(check, r, m));
        }
        for (CurrencyMismatch m : r.currencyMismatches()) {
            if (problems.size() > cap) break;
            String msg = m.key() + ": " + n.source() + " " + n.sourceAmount() + " " + Money.plain(m.source()) + " "
                    + m.sourceCurrency() + ", " + n.target() + " " + n.targetAmount() + " " + Money.plain(m.target())
                    + " " + m.targetCurrency() + ": different currencies, not compared";
            problems.add(finding(check, MismatchKind.CURRENCY, Level.WARN, msg, m.key())
                    .withEvidence("sourceCurrency", m.sourceCurrency())
                    .withEvidence("targetCurrency", m.targetCurrency())
                    .withEvidence("source", Money.plain(m.source()))
                    .withEvidence("target", Money.plain(m.target())));
        }
        orphans(
                check,
                MismatchKind.ORPHAN_SOURCE,
                r.sourceOrphans(),
                n.source(),
                n.sourceAmount(),
                n.target(),
                problems,
                cap);
        orphans(
                check,
                MismatchKind.ORPHAN_TARGET,
                r.targetOrphans(),
                n.target(),
                n.targetAmount(),
                n.source(),
                problems,
                cap);
        duplicates(check, MismatchKind.DUPLICATE_SOURCE, r.sourceDuplicates(), n.source(), problems, cap);
        duplicates(check, MismatchKind.DUPLICATE_TARGET, r.targetDuplicates(), n.target(), problems, cap);
        for (Invalid i : r.invalid()) {
            if (problems.size() > cap) break;
            String side = i.side().equals("source") ? n.source() : n.target();
            String msg = side + " " + i.record().name() + ": cannot compare: "
                    + i.record().problem();
            problems.add(finding(
                            check,
                            MismatchKind.INVALID,
                            Level.FAIL,
                            msg,
                            i.record().name())
                    .withEvidence("side", side)
                    .withEvidence("problem", i.record().problem()));
        }
        ReconcileSummary summary = r.summary();
        List<Finding> out = new ArrayList<>(Math.min(problems.size(), cap) + 2);
        if (problems.size() > cap) {
            out.addAll(problems.subList(0, cap));
            out.add(summary(check, summary, cap));
        } else {
            out.addAll(problems);
        }
        out.add(totals(check, r));
        return out;
    }

    private static Finding amount(String check, ReconcileReport r, AmountMismatch m) {
        Side.Names n = r.names();
        String currency = m.currency() == null ? "" : " " + m.currency();
        String msg = m.key() + ": " + n.source() + " " + n.sourceAmount() + " " + Money.plain(m.source()) + currency
                + ", " + n.target() + " " + n.targetAmount() + " " + Money.plain(m.target()) + currency + " ("
                + Money.breach(m.delta(), r.tolerance()) + ")";
        Finding f = finding(check, MismatchKind.AMOUNT, Level.FAIL, msg, m.key());
        if (m.currency() != null) f = f.withEvidence("currency", m.currency());
        return f.withEvidence("expected", Money.plain(m.source()))
                .withEvidence("actual", Money.plain(m.target()))
                .withEvidence("delta", Money.plain(m.delta()))
                .withEvidence("tolerance", Money.plain(r.tolerance()));
    }

    private static void orphans(
            String check,
            MismatchKind kind,
            List<KeyedAmount> orphans,
            String side,
            String amountLabel,
            String otherSide,
            List<Finding> out,
            int cap) {
        for (KeyedAmount o : orphans) {
            if (out.size() > cap) return;
            String amount = o.amount() == null
                    ? amountLabel + " missing"
                    : amountLabel + " " + Money.plain(o.amount()) + (o.currency() == null ? "" : " " + o.currency());
            String msg = o.key() + ": in " + side + " (" + amount + ") but not in " + otherSide;
            Finding f = finding(check, kind, Level.FAIL, msg, o.key()).withEvidence("side", side);
            if (o.amount() != null) f = f.withEvidence("amount", Money.plain(o.amount()));
            if (o.currency() != null) f = f.withEvidence("currency", o.currency());
            out.add(f);
        }
    }

    private static void duplicates(
            String check, MismatchKind kind, List<Duplicate> duplicates, String side, List<Finding> out, int cap) {
        for (Duplicate d : duplicates) {
            if (out.size() > cap) return;
            String positions = d.indices().stream().map(i -> "#" + i).collect(Collectors.joining(", "));
            String msg = d.key() + ": " + d.indices().size() + " " + side + " records share this key (" + positions
                    + "); not compared";
            out.add(finding(check, kind, Level.FAIL, msg, d.key())
                    .withEvidence("side", side)
                    .withEvidence("records", positions));
        }
    }

    private static Finding summary(String check, ReconcileSummary s, int cap) {
        String counts = java.util.Arrays.stream(MismatchKind.values())
                .filter(k -> k != MismatchKind.TOTALS)
                .map(k -> s.count(k) + " " + k.label())
                .collect(Collectors.joining(", "));
        String msg = (s.total() - cap) + " more findings not listed (of " + s.total() + ": " + counts + ")";
        boolean onlyWarnings = s.total() == s.count(MismatchKind.CURRENCY);
        Finding f = new Finding(
                check, MismatchKind.AMOUNT.findingKind(), onlyWarnings ? Level.WARN : Level.FAIL, msg, Map.of());
        return f.withEvidence("summary", "true")
                .withEvidence("omitted", s.total() - cap)
                .withEvidence("largestAbsDelta", Money.plain(s.largestAbsDelta()));
    }

    private static Finding totals(String check, ReconcileReport r) {
        Side.Names n = r.names();
        String msg = n.source() + ": " + side(r.sourceTotals()) + "; " + n.target() + ": " + side(r.targetTotals())
                + "; " + r.matched() + " matched";
        return new Finding(check, MismatchKind.AMOUNT.findingKind(), Level.INFO, msg, Map.of())
                .withEvidence("sourceRecords", r.sourceTotals().records())
                .withEvidence("sourceSums", sums(r.sourceTotals()))
                .withEvidence("targetRecords", r.targetTotals().records())
                .withEvidence("targetSums", sums(r.targetTotals()))
                .withEvidence("matched", r.matched())
                .withEvidence("largestAbsDelta", Money.plain(r.largestAbsDelta()));
    }

    private static String side(SideTotals t) {
        return t.records() + " records" + (t.sums().isEmpty() ? "" : ", " + sums(t));
    }

    /** {@code 4590.00 USD, 94.50 CAD}; amounts without currency show bare. */
    private static String sums(SideTotals t) {
        return t.sums().entrySet().stream()
                .map(e ->
                        Money.plain(e.getValue()) + (e.getKey().equals(SideTotals.UNSPECIFIED) ? "" : " " + e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static Finding finding(String check, MismatchKind kind, Level level, String message, String key) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("mismatch", kind.label());
        evidence.put("key", key);
        return new Finding(check, kind.findingKind(), level, message, evidence);
    }
}
