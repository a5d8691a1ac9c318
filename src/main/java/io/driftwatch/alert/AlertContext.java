package io.driftwatch.alert;

import io.driftwatch.alert.config.AlertSubject;
import io.driftwatch.channel.AlertMessage.FindingDetail;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows about one alert key during one evaluation, beyond its persisted state: the
 * probe's labels, route and runbook, and this run's findings for the key (empty when it passed).
 *
 * @param kinds the key's kind plus its findings' kinds (routes match either)
 * @param probeSeverity the probe's {@code alert.severity}; WARN-level findings alert as warning at most
 * @param fixedChannels when set, these channels and no routing (delivery-failed alerts)
 */
record AlertContext(
        String alertKey,
        String probeId,
        String vendor,
        String kind,
        Set<String> kinds,
        Map<String, String> labels,
        String route,
        String runbook,
        String probeSeverity,
        List<FindingDetail> findings,
        String summary,
        List<String> fixedChannels) {

    AlertSubject subject(String severity) {
        return new AlertSubject(probeId, vendor, severity, kinds, labels);
    }

    /** FAIL findings alert at the probe's severity; WARN (degraded) ones at warning, or info if lower. */
    String severityFor(String level) {
        if ("FAIL".equals(level)) return probeSeverity;
        return Lifecycle.rank(probeSeverity) < Lifecycle.rank("warning") ? probeSeverity : "warning";
    }
}
