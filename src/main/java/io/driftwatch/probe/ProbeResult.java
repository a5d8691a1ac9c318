package io.driftwatch.probe;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.Exchange;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one probe run.
 *
 * @param checks names of every check that ran, in order (JUnit writes one test case each)
 * @param failureKind the kind of the first FAIL finding, or null when the run did not fail
 * @param scheduledAt when the scheduler meant the run to start (for schedule lag), or startedAt
 */
public record ProbeResult(
        String probeId,
        String connection,
        Instant scheduledAt,
        Instant startedAt,
        Outcome outcome,
        String failureKind,
        Exchange exchange,
        List<String> checks,
        List<Finding> findings) {

    public ProbeResult {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }

    /** The first FAIL finding, else the first WARN, else null. */
    public Finding firstProblem() {
        Finding warn = null;
        for (Finding f : findings) {
            if (f.level() == io.driftwatch.finding.Level.FAIL) return f;
            if (warn == null && f.level() == io.driftwatch.finding.Level.WARN) warn = f;
        }
        return warn;
    }
}
