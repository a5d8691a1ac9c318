package io.driftwatch.cli;

import io.driftwatch.alert.AlertState;
import io.driftwatch.alert.AlertingRuntime;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.ResultBoard;
import io.driftwatch.server.StatusView;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Assembles the status page's view from the daemon's live parts: loaded probes, the latest result of
 * each, open alerts and the baselines' latency. Texts pass through the redactor before they leave.
 */
final class StatusSource {
    private final Supplier<Collection<ProbeDefinition>> probes;
    private final ResultBoard board;
    private final AlertingRuntime alerting;
    private final BaselineStore baselines;
    private final UnaryOperator<String> redact;
    private final Clock clock;

    StatusSource(
            Supplier<Collection<ProbeDefinition>> probes,
            ResultBoard board,
            AlertingRuntime alerting,
            BaselineStore baselines,
            UnaryOperator<String> redact,
            Clock clock) {
        this.probes = probes;
        this.board = board;
        this.alerting = alerting;
        this.baselines = baselines;
        this.redact = redact;
        this.clock = clock;
    }

    StatusView view() {
        Map<String, Integer> alertsByProbe = new HashMap<>();
        int openAlerts = 0;
        boolean alertsAvailable = true;
        try {
            for (AlertState s : alerting.engine().states().open()) {
                openAlerts++;
                if (s.probeId != null) alertsByProbe.merge(s.probeId, 1, Integer::sum);
            }
        } catch (SQLException e) {
            alertsAvailable = false;
        }
        List<StatusView.Row> rows = new ArrayList<>();
        for (ProbeDefinition p : probes.get()) {
            rows.add(row(p, board.latest(p.id()).orElse(null), alertsByProbe.getOrDefault(p.id(), 0)));
        }
        return new StatusView(clock.instant(), rows, openAlerts, alertsAvailable);
    }

    private StatusView.Row row(ProbeDefinition p, ProbeResult r, int alerts) {
        StatusView.State state = r == null
                ? StatusView.State.PENDING
                : switch (r.outcome()) {
                    case PASS -> StatusView.State.PASS;
                    case DEGRADED -> StatusView.State.DEGRADED;
                    case FAIL -> StatusView.State.FAIL;
                };
        Double latency = r == null || r.exchange() == null || !r.exchange().responded()
                ? null
                : r.exchange().totalNanos() / 1e6;
        Finding problem = r == null ? null : r.firstProblem();
        return new StatusView.Row(
                p.id(),
                p.description(),
                p.connection(),
                state,
                r == null ? null : r.startedAt(),
                latency,
                baselineP95Millis(p.id()).orElse(null),
                alerts,
                problem == null ? null : redact.apply(problem.message()));
    }

    /**
     * The baseline facts {@code /api/v1/probes/{id}} shows: file, when it was recorded, its age and
     * latency p95; null when the probe has no baseline (or it cannot be read: validate reports that).
     */
    com.fasterxml.jackson.databind.node.ObjectNode baselineJson(String probeId) {
        Baseline b;
        try {
            b = baselines.read(probeId).orElse(null);
        } catch (IOException | BaselineFormatException | IllegalArgumentException e) {
            return null;
        }
        if (b == null) return null;
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put(
                "file",
                baselines.directory().relativize(baselines.file(probeId)).toString());
        node.put("recordedAt", b.recordedAt() == null ? null : b.recordedAt().toString());
        if (b.recordedAt() != null) {
            node.put(
                    "ageSeconds",
                    java.time.Duration.between(b.recordedAt(), clock.instant()).toSeconds());
        }
        node.put("samples", b.sampleCount());
        if (b.latency() != null) node.put("latencyP95Ms", b.latency().p95());
        return node;
    }

    /** The baseline's p95 in milliseconds; empty without a baseline or when it cannot be read. */
    Optional<Double> baselineP95Millis(String probeId) {
        try {
            return baselines.read(probeId).map(Baseline::latency).map(l -> l.p95Nanos() / 1e6);
        } catch (IOException | BaselineFormatException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
