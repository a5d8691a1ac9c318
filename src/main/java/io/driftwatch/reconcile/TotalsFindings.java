package io.driftwatch.reconcile;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings for a totals outcome: one per record that is off or unreadable, in payload order, at most
 * {@code cap} of them, then one summary finding counting the rest so a page of 10,000 bad invoices
 * raises 51 findings, not 10,000.
 *
 * <p>Message shapes (text is API):
 * <pre>
 * Invoice 1037 (USD): SalesItemLineDetail 150.00 - DiscountLineDetail 15.00 + TotalTax 10.80 = 145.80, TotalAmt 145.82 (delta 0.02 &gt; 0.01)
 * Invoice 1040: cannot check totals: $.TotalAmt matched no number
 * Invoice 1041: amounts in USD, EUR are never summed together; totals not checked
 * 9950 more Invoice records not listed: 10000 of 10000 checked have problems (10000 off, 0 unreadable, 0 mixed-currency)
 * </pre>
 */
public final class TotalsFindings {

    public static final int DEFAULT_CAP = 50;

    private TotalsFindings() {}

    public static List<Finding> of(String check, TotalsEvaluator rule, TotalsOutcome outcome, int cap) {
        List<RecordTotal> problems = outcome.problems();
        List<Finding> findings = new ArrayList<>(Math.min(problems.size(), cap) + 1);
        for (RecordTotal r : problems.subList(0, Math.min(cap, problems.size()))) {
            findings.add(finding(check, rule, r));
        }
        if (problems.size() > cap) findings.add(summary(check, rule, outcome, problems.size() - cap));
        return findings;
    }

    static Finding finding(String check, TotalsEvaluator rule, RecordTotal r) {
        String subject = subject(rule, r);
        return switch (r.status()) {
            case OFF -> off(check, rule, r, subject);
            case INVALID ->
                finding(
                        check,
                        MismatchKind.INVALID,
                        Level.FAIL,
                        subject + ": cannot check totals: " + r.problem(),
                        rule,
                        r);
            case MIXED_CURRENCY ->
                finding(
                        check,
                        MismatchKind.CURRENCY,
                        Level.WARN,
                        subject + ": " + r.problem() + "; totals not checked",
                        rule,
                        r);
            case OK -> throw new IllegalArgumentException("record " + r.key() + " is fine");
        };
    }

    private static Finding off(String check, TotalsEvaluator rule, RecordTotal r, String subject) {
        StringBuilder m = new StringBuilder(subject).append(": ");
        m.append(rule.sumLabel()).append(' ').append(Money.plain(r.sum()));
        if (r.minus() != null)
            m.append(" - ").append(rule.minusLabel()).append(' ').append(Money.plain(r.minus()));
        if (r.plus() != null)
            m.append(" + ").append(rule.plusLabel()).append(' ').append(Money.plain(r.plus()));
        m.append(" = ").append(Money.plain(r.expected()));
        m.append(", ").append(rule.equalsLabel()).append(' ').append(Money.plain(r.actual()));
        m.append(" (").append(Money.breach(r.delta(), rule.tolerance())).append(')');
        Finding f = finding(check, MismatchKind.TOTALS, Level.FAIL, m.toString(), rule, r);
        f = f.withEvidence("sum", Money.plain(r.sum()));
        if (r.minus() != null) f = f.withEvidence("minus", Money.plain(r.minus()));
        if (r.plus() != null) f = f.withEvidence("plus", Money.plain(r.plus()));
        return f.withEvidence("expected", Money.plain(r.expected()))
                .withEvidence("actual", Money.plain(r.actual()))
                .withEvidence("delta", Money.plain(r.delta()))
                .withEvidence("tolerance", Money.plain(rule.tolerance()));
    }

    private static Finding finding(
            String check, MismatchKind kind, Level level, String message, TotalsEvaluator rule, RecordTotal r) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("mismatch", kind.label());
        if (rule.rule().name() != null) evidence.put("rule", rule.rule().name());
        evidence.put("record", r.key());
        if (r.currency() != null) evidence.put("currency", r.currency());
        if (r.problem() != null) evidence.put("problem", r.problem());
        return new Finding(check, kind.findingKind(), level, message, evidence);
    }

    private static Finding summary(String check, TotalsEvaluator rule, TotalsOutcome outcome, int omitted) {
        ReconcileSummary s = outcome.summary();
        int problems = s.count(MismatchKind.TOTALS) + s.count(MismatchKind.INVALID) + s.count(MismatchKind.CURRENCY);
        String message = omitted + " more " + rule.recordNoun() + " records not listed: " + problems + " of "
                + outcome.records().size() + " checked have problems (" + s.count(MismatchKind.TOTALS) + " off, "
                + s.count(MismatchKind.INVALID) + " unreadable, " + s.count(MismatchKind.CURRENCY)
                + " mixed-currency)";
        boolean anyFail = s.count(MismatchKind.TOTALS) + s.count(MismatchKind.INVALID) > 0;
        return new Finding(
                        check,
                        MismatchKind.TOTALS.findingKind(),
                        anyFail ? Level.FAIL : Level.WARN,
                        message,
                        Map.of("summary", "true"))
                .withEvidence("omitted", omitted)
                .withEvidence("records", outcome.records().size())
                .withEvidence("off", s.count(MismatchKind.TOTALS))
                .withEvidence("unreadable", s.count(MismatchKind.INVALID))
                .withEvidence("mixedCurrency", s.count(MismatchKind.CURRENCY))
                .withEvidence("largestAbsDelta", Money.plain(s.largestAbsDelta()));
    }

    private static String subject(TotalsEvaluator rule, RecordTotal r) {
        String noun = rule.recordNoun();
        String subject = noun.equals("payload") && r.key().startsWith("#") ? noun : noun + " " + r.key();
        return r.currency() == null ? subject : subject + " (" + r.currency() + ")";
    }
}
