package io.driftwatch.channel.teams;

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
import io.driftwatch.channel.MessageText;
import io.driftwatch.config.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Teams through a Workflows ("When a Teams webhook request is received") URL: a
 * {@code message} whose single attachment is an Adaptive Card 1.4. The URL carries a signature and is
 * a secret.
 */
public final class TeamsChannel implements Channel {
    public static final ChannelType TYPE = new ChannelType(
            "teams",
            List.of(ChannelType.Key.required("url", KeyKind.SECRET)),
            TeamsChannel::validate,
            TeamsChannel::new);
    public static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Secret url;
    private final JsonPoster poster;

    TeamsChannel(ChannelSpec spec, ChannelDependencies deps) {
        this.name = spec.name();
        this.url = spec.secret("url");
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
        poster.post(name, URI.create(url.reveal()), body(message), Map.of());
    }

    public static String body(AlertMessage m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("contentType", CARD_CONTENT_TYPE);
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        String colour = m.event() == AlertMessage.Event.RESOLVED
                ? "Good"
                : "critical".equals(m.severity()) ? "Attention" : "Warning";
        text(body, m.title()).put("size", "Large").put("weight", "Bolder").put("color", colour);
        text(body, m.summary());
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        MessageText.facts(m).forEach((k, v) -> facts.addObject().put("title", k).put("value", v));
        for (var f : m.findings()) {
            text(body, "[" + f.level() + "] " + f.message()).put("weight", "Bolder");
            if (!f.evidence().isEmpty()) {
                ArrayNode evidence = body.addObject().put("type", "FactSet").putArray("facts");
                f.evidence()
                        .forEach((k, v) -> evidence.addObject().put("title", k).put("value", v));
            }
        }
        text(body, "Dedup key: " + m.dedupKey()).put("isSubtle", true).put("size", "Small");
        ArrayNode actions = card.putArray("actions");
        for (var link : m.links()) {
            actions.addObject()
                    .put("type", "Action.OpenUrl")
                    .put("title", link.text())
                    .put("url", link.href());
        }
        return root.toString();
    }

    private static ObjectNode text(ArrayNode body, String text) {
        return body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    static List<Problem> validate(ChannelSpec spec) {
        var problems = new ArrayList<Problem>();
        Secret url = spec.secret("url");
        if (url != null) {
            String problem = JsonPoster.checkUrl(url.reveal());
            if (problem != null) problems.add(new Problem("url", "url " + problem));
        }
        return problems;
    }
}
