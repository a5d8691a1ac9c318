package io.driftwatch.reconcile;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The stored, replayable result of one accepted push; serialises to JSON as the 200 response body.
 *
 * @param idempotencyId the client's id, or null when it sent none (then nothing was stored)
 * @param mode {@code before-after} or {@code source-target}
 * @param outcome fail when any finding fails, degraded when any warns
 * @param largestAbsDelta the largest |delta| compared, in currency units
 * @param mismatches count per {@link MismatchKind#label()}, kinds with none omitted
 * @param findings capped problem findings plus INFO totals, as a probe run would report them
 */
public record PushResult(
        String check,
        String idempotencyId,
        String mode,
        Instant receivedAt,
        Outcome outcome,
        BigDecimal largestAbsDelta,
        Map<String, Integer> mismatches,
        List<Finding> findings) {

    public static final String BEFORE_AFTER = "before-after";
    public static final String SOURCE_TARGET = "source-target";

    public PushResult {
        mismatches = Map.copyOf(mismatches);
        findings = List.copyOf(findings);
    }
}
