package io.driftwatch.probe.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import io.driftwatch.reconcile.ReconcileStats;
import io.driftwatch.reconcile.TotalsEvaluator;
import io.driftwatch.reconcile.TotalsFindings;
import io.driftwatch.reconcile.TotalsOutcome;
import java.util.List;

/**
 * One {@code expect.totals} rule of a probe: {@code sum - minus + plus == equals} per record (see
 * {@link TotalsEvaluator}), reporting each record that is off, at most {@code cap} plus a summary.
 *
 * <p>Reads amounts from {@link CheckContext#json()}, which the runner parses once with {@link
 * io.driftwatch.reconcile.ExactJson} (exact decimals, duplicate keys rejected). Does nothing when the
 * response is not JSON (the runner reports that once).
 *
 * <p>Side effect, by design: each evaluation records its summary in {@link ReconcileStats} under
 * {@code <probe id>/<rule name or index>} for the {@code driftwatch_reconcile_*} gauges.
 */
public final class TotalsCheck implements Check {

    private final String name;
    private final String ruleLabel;
    private final TotalsEvaluator evaluator;
    private final ReconcileStats stats;
    private final int cap;

    /**
     * Compiles one rule.
     *
     * @param index the rule's position in {@code expect.totals}, used when it has no name
     * @throws IllegalArgumentException when the rule is invalid (the loader should have said so)
     */
    public TotalsCheck(int index, TotalsRule rule, ReconcileStats stats, int cap) {
        this.evaluator = new TotalsEvaluator(rule);
        this.ruleLabel = rule.name() == null || rule.name().isBlank() ? String.valueOf(index) : rule.name();
        this.name = "totals[" + ruleLabel + "]";
        this.stats = stats;
        this.cap = cap;
    }

    public TotalsCheck(int index, TotalsRule rule) {
        this(index, rule, ReconcileStats.NONE, TotalsFindings.DEFAULT_CAP);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.json().isEmpty()) return List.of();
        JsonNode payload = context.json().orElseThrow();
        TotalsOutcome outcome = evaluator.evaluate(payload);
        stats.record(context.probe().id() + "/" + ruleLabel, outcome.summary());
        return TotalsFindings.of(name, evaluator, outcome, cap);
    }
}
