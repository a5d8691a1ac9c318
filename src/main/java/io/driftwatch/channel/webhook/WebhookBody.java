package io.driftwatch.channel.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.AlertMessage.FindingDetail;
import io.driftwatch.channel.AlertMessage.Link;

/** The generic webhook's JSON document, version 1; docs/webhook.md describes every field. */
public final class WebhookBody {
    public static final String VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBody() {}

    public static String render(AlertMessage m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("dedupKey", m.dedupKey());
        root.put("incidentKey", m.incidentKey());
        root.put("alertKey", m.alertKey());
        root.put("event", m.event().label());
        root.put("severity", m.severity());
        root.put("title", m.title());
        root.put("summary", m.summary());
        ObjectNode probe = root.putObject("probe");
        probe.put("id", m.probeId());
        probe.put("vendor", m.vendor());
        ObjectNode labels = probe.putObject("labels");
        new java.util.TreeMap<>(m.labels()).forEach(labels::put);
        root.put("kind", m.kind());
        root.put("since", m.since() == null ? null : m.since().toString());
        root.put("runs", m.runs());
        root.put("occurredAt", m.occurredAt().toString());
        ArrayNode findings = root.putArray("findings");
        for (FindingDetail f : m.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("check", f.check());
            finding.put("kind", f.kind());
            finding.put("level", f.level());
            finding.put("message", f.message());
            ObjectNode evidence = finding.putObject("evidence");
            f.evidence().forEach(evidence::put);
        }
        ArrayNode links = root.putArray("links");
        for (Link link : m.links()) links.addObject().put("text", link.text()).put("href", link.href());
        return root.toString();
    }
}
