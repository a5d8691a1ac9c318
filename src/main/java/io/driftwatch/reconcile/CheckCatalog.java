package io.driftwatch.reconcile;

import io.driftwatch.config.TotalsRule;
import java.util.List;
import java.util.Optional;

/**
 * What the push endpoint may apply, by the {@code {check}} of {@code POST /api/v1/reconcile/{check}}:
 * a probe's {@code expect.totals} rules (for {@code {before, after}} payloads) or a reconcile
 * definition (for {@code {source, target}} collections). The lead backs it with the live config, so a
 * reloaded probe applies to the next push.
 */
public interface CheckCatalog {

    /** The totals rules of the probe with this id; empty when there is no such probe. */
    Optional<List<TotalsRule>> totalsRules(String check);

    /** The reconcile definition with this id; empty when there is none. */
    Optional<ReconcileSpec> reconcileSpec(String check);
}
