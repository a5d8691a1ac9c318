package io.driftwatch.alert;

import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.AlertMessage.Event;
import io.driftwatch.channel.AlertMessage.Link;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the channel-independent {@link AlertMessage} for one notice. */
final class AlertMessages {
    private AlertMessages() {}

    static AlertMessage build(AlertState s, Lifecycle.Notice n, AlertContext ctx, AlertingConfig config, Instant now) {
        String subject = ctx.probeId() != null
                ? ctx.probeId() + ": " + s.kind
                : s.kind + ": " + s.alertKey.substring(s.alertKey.indexOf('/') + 1);
        String title =
                "[" + n.event().name() + (n.event() == Event.RESOLVED ? "" : " " + n.severity()) + "] " + subject;
        String summary = switch (n.event()) {
            case RESOLVED ->
                "Recovered after " + s.consecutiveSuccesses + " passing run" + (s.consecutiveSuccesses == 1 ? "" : "s")
                        + "; was: " + s.summary;
            case FLAPPING ->
                "Changing state too often (" + s.flapTransitions + " times since " + s.flapWindowStart
                        + "); notifications pause until it is stable. Latest: " + s.summary;
            default -> s.summary;
        };
        return new AlertMessage(
                n.dedupKey(),
                n.incidentKey(),
                s.alertKey,
                n.event(),
                n.severity(),
                title,
                summary,
                ctx.probeId(),
                ctx.vendor(),
                s.kind,
                s.firstFailureAt != null ? s.firstFailureAt : s.firedAt,
                s.incidentRuns,
                now,
                n.event() == Event.RESOLVED ? List.of() : ctx.findings(),
                ctx.labels(),
                links(ctx, config));
    }

    static List<Link> links(AlertContext ctx, AlertingConfig config) {
        var links = new ArrayList<Link>();
        if (ctx.probeId() != null) {
            String id = URLEncoder.encode(ctx.probeId(), StandardCharsets.UTF_8);
            links.add(new Link("Probe page", config.publicUrl() + "/probes/" + id));
            if (config.grafanaUrl() != null)
                links.add(new Link("Grafana", config.grafanaUrl().replace("{probe}", id)));
        }
        if (ctx.runbook() != null && !ctx.runbook().isBlank()) links.add(new Link("Runbook", ctx.runbook()));
        return links;
    }
}
