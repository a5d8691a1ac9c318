package io.driftwatch.channel.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.Channel;
import io.driftwatch.channel.ChannelDependencies;
import io.driftwatch.channel.ChannelSpec;
import io.driftwatch.channel.ChannelType;
import io.driftwatch.channel.ChannelType.KeyKind;
import io.driftwatch.channel.ChannelType.Problem;
import io.driftwatch.channel.DeliveryException;
import io.driftwatch.channel.JsonPoster;
import io.driftwatch.config.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty Events API v2. Problems (firing, reminder, flapping) are {@code trigger} events, a resolve
 * is a {@code resolve} event; both carry the incident key as {@code dedup_key}, so PagerDuty folds
 * reminders and retries into one incident and the resolve closes it. A test notification triggers and
 * immediately resolves its own key. {@code routingKey} is the integration key (a secret); {@code url}
 * exists for tests and proxies.
 */
public final class PagerDutyChannel implements Channel {
    public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";
    public static final ChannelType TYPE = new ChannelType(
            "pagerduty",
            List.of(
                    ChannelType.Key.required("routingKey", KeyKind.SECRET),
                    ChannelType.Key.optional("url", KeyKind.STRING)),
            PagerDutyChannel::validate,
            PagerDutyChannel::new);
    static final int MAX_SUMMARY = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Secret routingKey;
    private final URI url;
    private final JsonPoster poster;

    PagerDutyChannel(ChannelSpec spec, ChannelDependencies deps) {
        this.name = spec.name();
        this.routingKey = spec.secret("routingKey");
        this.url = URI.create(spec.string("url", DEFAULT_URL));
        this.poster = new JsonPoster(deps.httpClient());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE.type();
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        if (message.event() == AlertMessage.Event.TEST) {
            poster.post(name, url, trigger(routingKey.reveal(), message), Map.of());
            poster.post(name, url, resolve(routingKey.reveal(), message), Map.of());
        } else if (message.event() == AlertMessage.Event.RESOLVED) {
            poster.post(name, url, resolve(routingKey.reveal(), message), Map.of());
        } else {
            poster.post(name, url, trigger(routingKey.reveal(), message), Map.of());
        }
    }

    public static String trigger(String routingKey, AlertMessage m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("routing_key", routingKey);
        root.put("event_action", "trigger");
        root.put("dedup_key", m.incidentKey());
        ObjectNode payload = root.putObject("payload");
        String summary = m.title() + ": " + m.summary();
        payload.put("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary);
        payload.put("source", m.probeId() == null ? "driftwatch" : m.probeId());
        payload.put("severity", severity(m.severity()));
        payload.put("timestamp", m.occurredAt().toString());
        if (m.vendor() != null) payload.put("component", m.vendor());
        if (m.kind() != null) payload.put("class", m.kind());
        payload.put("group", "driftwatch");
        ObjectNode details = payload.putObject("custom_details");
        details.put("alert_key", m.alertKey());
        details.put("event", m.event().label());
        if (m.since() != null) details.put("since", m.since().toString());
        details.put("runs", m.runs());
        ArrayNode findings = details.putArray("findings");
        for (var f : m.findings()) {
            ObjectNode finding = findings.addObject().put("level", f.level()).put("message", f.message());
            ObjectNode evidence = finding.putObject("evidence");
            f.evidence().forEach(evidence::put);
        }
        root.put("client", "driftwatch");
        ArrayNode links = root.putArray("links");
        for (var link : m.links()) links.addObject().put("href", link.href()).put("text", link.text());
        if (!m.links().isEmpty()) root.put("client_url", m.links().get(0).href());
        return root.toString();
    }

    public static String resolve(String routingKey, AlertMessage m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("routing_key", routingKey);
        root.put("event_action", "resolve");
        root.put("dedup_key", m.incidentKey());
        return root.toString();
    }

    /** PagerDuty knows critical, error, warning and info; our severities map one to one except error. */
    static String severity(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical" -> "critical";
            case "info" -> "info";
            default -> "warning";
        };
    }

    static List<Problem> validate(ChannelSpec spec) {
        var problems = new ArrayList<Problem>();
        String url = spec.string("url", null);
        if (url != null) {
            String problem = JsonPoster.checkUrl(url);
            if (problem != null) problems.add(new Problem("url", "url " + problem));
        }
        Secret key = spec.secret("routingKey");
        if (key != null && key.reveal().length() != 32)
            problems.add(new Problem("routingKey", "routingKey must be the 32-character integration key"));
        return problems;
    }
}
