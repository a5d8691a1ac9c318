package io.driftwatch.channel.slack;

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
 * Slack incoming webhook: {@code text} (the notification fallback) plus Block Kit {@code blocks}
 * (header, summary, fields, evidence, link buttons, dedup key). The webhook URL is a secret.
 */
public final class SlackChannel implements Channel {
    public static final ChannelType TYPE = new ChannelType(
            "slack",
            List.of(ChannelType.Key.required("url", KeyKind.SECRET)),
            SlackChannel::validate,
            SlackChannel::new);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_HEADER_TEXT = 150;

    private final String name;
    private final Secret url;
    private final JsonPoster poster;

    SlackChannel(ChannelSpec spec, ChannelDependencies deps) {
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

    /** The JSON Slack expects; public for the shape test and docs. */
    public static String body(AlertMessage m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", m.title() + ": " + m.summary());
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cap(m.title(), MAX_HEADER_TEXT));
        section(blocks, esc(m.summary()));
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        MessageText.facts(m)
                .forEach((k, v) -> fields.addObject().put("type", "mrkdwn").put("text", "*" + esc(k) + "*\n" + esc(v)));
        if (!m.findings().isEmpty()) {
            var evidence = new StringBuilder("*Evidence*");
            for (var f : m.findings()) {
                evidence.append("\n• [").append(f.level()).append("] ").append(esc(f.message()));
                f.evidence()
                        .forEach((k, v) -> evidence.append("\n    ")
                                .append(esc(k))
                                .append(": `")
                                .append(esc(v))
                                .append('`'));
            }
            section(blocks, cap(evidence.toString(), MAX_SECTION_TEXT));
        }
        if (!m.links().isEmpty()) {
            ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
            for (var link : m.links()) {
                ObjectNode button = buttons.addObject().put("type", "button");
                button.putObject("text").put("type", "plain_text").put("text", link.text());
                button.put("url", link.href());
            }
        }
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", "driftwatch · dedup key `" + esc(m.dedupKey()) + "`");
        return root.toString();
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", mrkdwn);
    }

    /** Slack mrkdwn needs only &, < and > escaped. */
    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cap(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
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
