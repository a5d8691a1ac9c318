package io.driftwatch.server;

import java.time.Instant;
import java.util.List;

/**
 * What a probe's page at {@code /probes/{id}} shows; every text is already redacted.
 *
 * @param summary the probe's row as on the status page
 * @param baselineFile the baseline file name, or null without a baseline
 * @param baselineRecordedAt when the baseline was recorded, or null
 * @param findings the latest run's findings
 * @param runs recent runs, newest first
 */
public record ProbeView(
        Instant now,
        StatusView.Row summary,
        String schedule,
        String baselineFile,
        Instant baselineRecordedAt,
        List<Alert> alerts,
        List<FindingLine> findings,
        List<Run> runs) {

    public ProbeView {
        alerts = List.copyOf(alerts);
        findings = List.copyOf(findings);
        runs = List.copyOf(runs);
    }

    public record Alert(String kind, String severity, String status, Instant since, int runs) {}

    public record FindingLine(String check, String kind, String level, String message) {}

    public record Run(Instant startedAt, StatusView.State state, int status, Double latencyMillis, String problem) {}
}
