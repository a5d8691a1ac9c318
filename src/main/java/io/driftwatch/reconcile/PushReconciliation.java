package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ReconcileSide;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Outcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The logic behind {@code POST /api/v1/reconcile/{check}} (HTTP, bearer token and body capping are the
 * server's job). For {@code {before, after}}: each of the probe's totals rules is applied to both
 * payloads, and their totals are compared record by record (stated totals, joined by the rule's key).
 * For {@code {source, target}}: the reconcile definition's Reconciler runs on the two collections
 * (arrays of records, or payloads its {@code records} paths select from).
 *
 * <p>Idempotent on the client's id, per check: a retry with the same id and body gets the stored
 * result without recomputing; the same id with a different body is rejected (422). A rejected push
 * stores nothing, so it can be corrected and retried under the same id. Thread-safe.
 */
public final class PushReconciliation {

    private static final int MAX_ID_LENGTH = 200;

    private final CheckCatalog catalog;
    private final PushStore store;
    private final ReconcileStats stats;
    private final Clock clock;
    private final int cap;

    /**
     * @param stats receives each computed (not replayed) result's summary under the check name
     * @param cap problem findings listed per evaluation before a summary finding (e.g. 50)
     */
    public PushReconciliation(CheckCatalog catalog, PushStore store, ReconcileStats stats, Clock clock, int cap) {
        this.catalog = catalog;
        this.store = store;
        this.stats = stats;
        this.clock = clock;
        this.cap = cap;
    }

    /**
     * Handles one push; never throws for bad input.
     *
     * @param idempotencyId the client's id (e.g. the {@code Idempotency-Key} header), or null for none
     * @param maxBytes the body cap; the server should stop reading at {@code maxBytes + 1} bytes
     */
    public PushResponse push(String check, byte[] body, String idempotencyId, long maxBytes) {
        if (idempotencyId != null && !validId(idempotencyId)) {
            return new PushResponse.Rejected(
                    400, "idempotency id must be 1 to " + MAX_ID_LENGTH + " printable ASCII characters");
        }
        if (body.length > maxBytes) return new PushResponse.Rejected(413, "body exceeds " + maxBytes + " bytes");
        String hash = sha256(body);
        if (idempotencyId != null) {
            Optional<StoredPush> stored = store.find(check, idempotencyId);
            if (stored.isPresent()) return replay(stored.get(), hash);
        }
        Optional<List<TotalsRule>> rules = catalog.totalsRules(check);
        Optional<ReconcileSpec> spec = catalog.reconcileSpec(check);
        if (rules.isEmpty() && spec.isEmpty()) return new PushResponse.Rejected(404, "unknown check '" + check + "'");
        PushBody parsed = PushBody.parse(body);
        Evaluation evaluation;
        switch (parsed) {
            case PushBody.Invalid invalid -> {
                return new PushResponse.Rejected(400, invalid.message());
            }
            case PushBody.BeforeAfter pair
            when spec.isPresent() -> {
                // A reconcile definition's source is the payload before the transformation, its target after.
                evaluation = sourceTarget(check, spec.get(), pair.before(), pair.after());
            }
            case PushBody.BeforeAfter pair -> {
                if (rules.isEmpty() || rules.get().isEmpty()) {
                    return new PushResponse.Rejected(
                            422, "check '" + check + "' has no totals rules to apply to 'before' and 'after'");
                }
                evaluation = beforeAfter(rules.get(), pair.before(), pair.after());
            }
            case PushBody.SourceTarget collections -> {
                if (spec.isEmpty()) {
                    return new PushResponse.Rejected(
                            422, "check '" + check + "' is not a reconcile definition; 'source' and 'target' need one");
                }
                evaluation = sourceTarget(check, spec.get(), collections.source(), collections.target());
            }
        }
        String mode = parsed instanceof PushBody.BeforeAfter ? PushResult.BEFORE_AFTER : PushResult.SOURCE_TARGET;
        PushResult result = new PushResult(
                check,
                idempotencyId,
                mode,
                clock.instant(),
                Outcome.of(evaluation.findings()),
                evaluation.summary().largestAbsDelta(),
                labels(evaluation.summary()),
                evaluation.findings());
        stats.record(check, evaluation.summary());
        if (idempotencyId == null) return new PushResponse.Accepted(result, false);
        Optional<StoredPush> earlier = store.insertIfAbsent(new StoredPush(check, idempotencyId, hash, result));
        // A concurrent retry stored first: answer as it did, so every caller sees one result.
        return earlier.isPresent() ? replay(earlier.get(), hash) : new PushResponse.Accepted(result, false);
    }

    private record Evaluation(List<Finding> findings, ReconcileSummary summary) {}

    private Evaluation beforeAfter(List<TotalsRule> rules, JsonNode before, JsonNode after) {
        List<Finding> findings = new ArrayList<>();
        ReconcileSummary summary = ReconcileSummary.EMPTY;
        for (int i = 0; i < rules.size(); i++) {
            TotalsRule rule = rules.get(i);
            String name = "totals[" + (rule.name() == null || rule.name().isBlank() ? i : rule.name()) + "]";
            TotalsEvaluator evaluator = new TotalsEvaluator(rule);
            TotalsOutcome beforeOutcome = evaluator.evaluate(before);
            TotalsOutcome afterOutcome = evaluator.evaluate(after);
            for (Finding f : TotalsFindings.of(name, evaluator, beforeOutcome, cap)) findings.add(side("before", f));
            for (Finding f : TotalsFindings.of(name, evaluator, afterOutcome, cap)) findings.add(side("after", f));
            ReconcileReport compared = new Reconciler(evaluator.tolerance())
                    .reconcile(
                            Side.ofTotals("before", evaluator, beforeOutcome),
                            Side.ofTotals("after", evaluator, afterOutcome));
            findings.addAll(compared.toFindings(name, cap));
            // Unreadable records were already reported by the totals findings of each side.
            summary = summary.merge(beforeOutcome.summary())
                    .merge(afterOutcome.summary())
                    .merge(withoutInvalid(compared.summary()));
        }
        return new Evaluation(findings, summary);
    }

    private Evaluation sourceTarget(String check, ReconcileSpec spec, JsonNode source, JsonNode target) {
        ReconcileReport report = spec.reconcileRecords(pushed(spec.source(), source), pushed(spec.target(), target));
        return new Evaluation(report.toFindings(check, cap), report.summary());
    }

    /** A pushed array is the side's records; a pushed object is a payload the side's path selects from. */
    private static List<JsonNode> pushed(ReconcileSide side, JsonNode value) {
        if (!value.isArray()) return Sides.select(side, value);
        List<JsonNode> records = new ArrayList<>(value.size());
        value.forEach(records::add);
        return records;
    }

    private static Finding side(String side, Finding f) {
        return new Finding(f.check(), f.kind(), f.level(), side + " " + f.message(), f.evidence())
                .withEvidence("side", side);
    }

    private static ReconcileSummary withoutInvalid(ReconcileSummary s) {
        Map<MismatchKind, Integer> counts = new LinkedHashMap<>(s.mismatches());
        counts.remove(MismatchKind.INVALID);
        return new ReconcileSummary(s.largestAbsDelta(), counts);
    }

    private static Map<String, Integer> labels(ReconcileSummary s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        s.mismatches().forEach((k, v) -> out.put(k.label(), v));
        return out;
    }

    private static PushResponse replay(StoredPush stored, String hash) {
        if (!stored.requestSha256().equals(hash)) {
            return new PushResponse.Rejected(
                    422, "idempotency id '" + stored.idempotencyId() + "' was already used with a different body");
        }
        return new PushResponse.Accepted(stored.result(), true);
    }

    private static boolean validId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) return false;
        return id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
