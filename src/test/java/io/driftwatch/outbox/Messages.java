package io.driftwatch.outbox;

import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.AlertMessage.Event;
import io.driftwatch.channel.AlertMessage.FindingDetail;
import io.driftwatch.channel.AlertMessage.Link;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample messages for channel and outbox tests. */
public final class Messages {
    private Messages() {}

    public static AlertMessage firing(String dedupKey) {
        return firing(dedupKey, "qbo-invoice-read");
    }

    public static AlertMessage firing(String dedupKey, String probeId) {
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("observedMs", "312");
        evidence.put("maxMs", "200");
        evidence.put("baselineP95Ms", "140");
        return new AlertMessage(
                dedupKey,
                probeId + "/latency@1795255200000",
                probeId + "/latency",
                Event.FIRING,
                "critical",
                "[FIRING critical] " + probeId + ": latency",
                "Latency 312 ms exceeded max 200 ms",
                probeId,
                "quickbooks",
                "latency",
                Instant.parse("2026-11-21T10:00:00Z"),
                3,
                Instant.parse("2026-11-21T10:02:00Z"),
                List.of(new FindingDetail(
                        "latency", "latency", "FAIL", "Latency 312 ms exceeded max 200 ms", evidence)),
                Map.of("team", "finance"),
                List.of(
                        new Link("Probe page", "http://localhost:9464/probes/" + probeId),
                        new Link("Runbook", "https://wiki.example.com/runbooks/qbo")));
    }

    public static AlertMessage withEvent(AlertMessage m, Event event) {
        return new AlertMessage(
                m.dedupKey() + "/" + event.label(),
                m.incidentKey(),
                m.alertKey(),
                event,
                m.severity(),
                m.title().replace("FIRING", event.name()),
                m.summary(),
                m.probeId(),
                m.vendor(),
                m.kind(),
                m.since(),
                m.runs(),
                m.occurredAt(),
                m.findings(),
                m.labels(),
                m.links());
    }
}
