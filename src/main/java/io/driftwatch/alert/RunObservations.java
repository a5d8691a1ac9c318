package io.driftwatch.alert;

import io.driftwatch.channel.AlertMessage.FindingDetail;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.ProbeResult;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's findings grouped into alert keys. Keys are {@code <probe id>/<kind>}; the transport kinds
 * (connection refused, DNS, timeout, TLS, reset) share the kind {@code unreachable}, so a vendor that
 * alternates between refusing and timing out is one incident, not two flapping ones. INFO findings
 * never alert.
 */
final class RunObservations {
    static final String UNREACHABLE = "unreachable";
    static final Set<String> TRANSPORT_KINDS = Set.of(
            FindingKind.CONNECTION_REFUSED,
            FindingKind.DNS,
            FindingKind.TIMEOUT,
            FindingKind.TLS,
            FindingKind.CONNECTION_RESET);

    /** The problems of one alert kind in this run. */
    record Problem(String kind, String level, Set<String> findingKinds, List<FindingDetail> findings, String summary) {}

    private RunObservations() {}

    static String alertKind(String findingKind) {
        return TRANSPORT_KINDS.contains(findingKind) ? UNREACHABLE : findingKind;
    }

    static Map<String, Problem> problems(ProbeResult result) {
        var byKind = new LinkedHashMap<String, List<Finding>>();
        for (Finding f : result.findings()) {
            if (f.level() == Level.INFO) continue;
            byKind.computeIfAbsent(alertKind(f.kind()), k -> new java.util.ArrayList<>())
                    .add(f);
        }
        var problems = new LinkedHashMap<String, Problem>();
        byKind.forEach((kind, findings) -> {
            boolean fail = findings.stream().anyMatch(f -> f.level() == Level.FAIL);
            var kinds = new LinkedHashSet<String>();
            findings.forEach(f -> kinds.add(f.kind()));
            Finding first = findings.stream()
                    .filter(f -> !fail || f.level() == Level.FAIL)
                    .findFirst()
                    .orElseThrow();
            problems.put(
                    kind,
                    new Problem(
                            kind,
                            fail ? Level.FAIL.name() : Level.WARN.name(),
                            kinds,
                            findings.stream().map(RunObservations::detail).toList(),
                            first.message()));
        });
        return problems;
    }

    /**
     * Whether a key absent from this run's problems passed. When the vendor was unreachable only the
     * unreachable key can pass or fail; every other check did not run, so it is UNKNOWN.
     */
    static Lifecycle.Observation absentKeyObservation(ProbeResult result, String kind) {
        boolean responded = result.exchange() != null && result.exchange().responded();
        boolean transportFailed =
                result.findings().stream().anyMatch(f -> f.level() == Level.FAIL && TRANSPORT_KINDS.contains(f.kind()));
        if (UNREACHABLE.equals(kind) || (responded && !transportFailed)) return Lifecycle.Observation.PASSING;
        return Lifecycle.Observation.UNKNOWN;
    }

    static FindingDetail detail(Finding f) {
        return new FindingDetail(f.check(), f.kind(), f.level().name(), f.message(), f.evidence());
    }
}
