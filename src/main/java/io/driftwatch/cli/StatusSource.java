package io.driftwatch.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.alert.AlertState;
import io.driftwatch.alert.AlertingRuntime;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.ResultBoard;
import io.driftwatch.server.CoreRoutes;
import io.driftwatch.server.ProbeView;
import io.driftwatch.server.StatusView;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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
    private final BiFunction<String, Integer, List<ProbeResult>> history;

    StatusSource(
            Supplier<Collection<ProbeDefinition>> probes,
            ResultBoard board,
            AlertingRuntime alerting,
            BaselineStore baselines,
            UnaryOperator<String> redact,
            BiFunction<String, Integer, List<ProbeResult>> history,
            Clock clock) {
        this.history = history;
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

    /** The probe page's view, or null when no probe has this id. */
    ProbeView probeView(String id) {
        ProbeDefinition p =
                probes.get().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
        if (p == null) return null;
        List<ProbeView.Alert> alerts = new ArrayList<>();
        try {
            for (AlertState s : alerting.engine().states().open()) {
                if (!id.equals(s.probeId)) continue;
                alerts.add(new ProbeView.Alert(
                        s.kind,
                        s.severity,
                        s.status.name().toLowerCase(java.util.Locale.ROOT),
                        s.firstFailureAt,
                        s.incidentRuns));
            }
        } catch (SQLException e) {
            // the page still shows runs; the status page says when the alert store is unavailable
        }
        ProbeResult latest = board.latest(id).orElse(null);
        List<ProbeView.FindingLine> findings = latest == null
                ? List.of()
                : latest.findings().stream()
                        .map(f -> new ProbeView.FindingLine(
                                f.check(),
                                f.kind(),
                                f.level().name().toLowerCase(java.util.Locale.ROOT),
                                redact.apply(f.message())))
                        .toList();
        List<ProbeView.Run> runs = history.apply(id, 20).stream()
                .map(r -> new ProbeView.Run(
                        r.startedAt(),
                        state(r),
                        r.exchange() == null ? 0 : r.exchange().status(),
                        latencyMillis(r),
                        r.firstProblem() == null
                                ? null
                                : redact.apply(r.firstProblem().message())))
                .toList();
        Baseline baseline = readBaseline(id);
        return new ProbeView(
                clock.instant(),
                row(p, latest, alerts.size()),
                CoreRoutes.describe(p.schedule()),
                baseline == null ? null : baselines.file(id).getFileName().toString(),
                baseline == null ? null : baseline.recordedAt(),
                alerts,
                findings,
                runs);
    }

    private Baseline readBaseline(String id) {
        try {
            return baselines.read(id).orElse(null);
        } catch (IOException | BaselineFormatException | IllegalArgumentException e) {
            return null;
        }
    }

    private static StatusView.State state(ProbeResult r) {
        if (r == null) return StatusView.State.PENDING;
        return switch (r.outcome()) {
            case PASS -> StatusView.State.PASS;
            case DEGRADED -> StatusView.State.DEGRADED;
            case FAIL -> StatusView.State.FAIL;
        };
    }

    private static Double latencyMillis(ProbeResult r) {
        return r == null || r.exchange() == null || !r.exchange().responded()
                ? null
                : r.exchange().totalNanos() / 1e6;
    }

    private StatusView.Row row(ProbeDefinition p, ProbeResult r, int alerts) {
        StatusView.State state = state(r);
        Double latency = latencyMillis(r);
        Finding problem = r == null ? null : r.firstProblem();
        return new StatusView.Row(
                p.id(),
                p.description(),
                p.connection(),
                state,
                r == null ? null : r.startedAt(),
                latency,
                baselineP95Millis(p.id()),
                alerts,
                problem == null ? null : redact.apply(problem.message()));
    }

    /**
     * The baseline facts {@code /api/v1/probes/{id}} shows: file, when it was recorded, its age and
     * latency p95; null when the probe has no baseline (or it cannot be read: validate reports that).
     */
    ObjectNode baselineJson(String probeId) {
        Baseline b = readBaseline(probeId);
        if (b == null) return null;
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("file", baselines.file(probeId).getFileName().toString());
        node.put("recordedAt", b.recordedAt() == null ? null : b.recordedAt().toString());
        if (b.recordedAt() != null) {
            node.put(
                    "ageSeconds",
                    Duration.between(b.recordedAt(), clock.instant()).toSeconds());
        }
        node.put("samples", b.sampleCount());
        if (b.latency() != null) node.put("latencyP95Ms", b.latency().p95());
        return node;
    }

    /** The baseline's p95 in milliseconds, or null without a readable baseline. */
    private Double baselineP95Millis(String probeId) {
        Baseline b = readBaseline(probeId);
        return b == null || b.latency() == null ? null : b.latency().p95Nanos() / 1e6;
    }
}
