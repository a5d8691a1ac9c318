package io.driftwatch.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.finding.Finding;
import io.driftwatch.probe.checks.Durations;
import java.util.function.UnaryOperator;

/**
 * The JSON shape of a run, shared by {@code check --json} and {@code /api/v1/probes}. Every string passes
 * through {@code redact} so a secret that slipped into a message never leaves the process.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultJson() {}

    public static ObjectNode toJson(ProbeResult r, UnaryOperator<String> redact) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("probe", r.probeId());
        o.put("connection", r.connection());
        o.put("outcome", r.outcome().label());
        if (r.failureKind() != null) o.put("failureKind", r.failureKind());
        o.put("startedAt", r.startedAt().toString());
        var ex = r.exchange();
        if (ex != null) {
            o.put("method", ex.method());
            o.put("url", redact.apply(ex.url()));
            if (ex.status() > 0) o.put("status", ex.status());
            o.put("ms", Double.parseDouble(Durations.millis(ex.totalNanos())));
            o.put("timeToHeadersMs", Double.parseDouble(Durations.millis(ex.timeToHeadersNanos())));
            o.put("bytes", ex.bodyBytes());
            o.put("attempts", ex.attempts());
            if (ex.certificateDaysLeft() != null) o.put("certificateDaysLeft", ex.certificateDaysLeft());
            if (ex.vendorRequestId() != null) o.put("vendorRequestId", ex.vendorRequestId());
        }
        var checks = o.putArray("checks");
        r.checks().forEach(checks::add);
        var findings = o.putArray("findings");
        for (Finding f : r.findings()) findings.add(findingJson(f, redact));
        return o;
    }

    public static ObjectNode findingJson(Finding f, UnaryOperator<String> redact) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("check", f.check());
        n.put("kind", f.kind());
        n.put("level", f.level().name().toLowerCase(java.util.Locale.ROOT));
        n.put("message", redact.apply(f.message()));
        ObjectNode ev = n.putObject("evidence");
        f.evidence().forEach((k, v) -> ev.put(k, redact.apply(v)));
        return n;
    }
}
