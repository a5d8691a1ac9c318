package io.driftwatch.channel.webhook;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generic JSON webhook: POSTs {@link WebhookBody}, signed with HMAC-SHA256 under {@code secret} (required),
 * plus the configured {@code headers}. Any 2xx is success; anything else is retried by the outbox.
 */
public final class WebhookChannel implements Channel {
    public static final ChannelType TYPE = new ChannelType(
            "webhook",
            List.of(
                    ChannelType.Key.required("url", KeyKind.STRING),
                    ChannelType.Key.required("secret", KeyKind.SECRET),
                    ChannelType.Key.optional("headers", KeyKind.MAP)),
            WebhookChannel::validate,
            WebhookChannel::new);

    /** Headers the channel sets itself; configuration may not override them. */
    static final List<String> RESERVED = List.of(
            "content-type",
            "content-length",
            "host",
            "user-agent",
            "x-driftwatch-signature",
            "x-driftwatch-event",
            "x-driftwatch-dedup-key");

    private final String name;
    private final URI url;
    private final Secret secret;
    private final Map<String, String> headers;
    private final JsonPoster poster;
    private final Clock clock;

    WebhookChannel(ChannelSpec spec, ChannelDependencies deps) {
        this.name = spec.name();
        this.url = URI.create(spec.string("url", null));
        this.secret = spec.secret("secret");
        this.headers = spec.map("headers");
        this.poster = new JsonPoster(deps.httpClient());
        this.clock = deps.clock();
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
        String body = WebhookBody.render(message);
        var all = new LinkedHashMap<>(headers);
        all.put("X-Driftwatch-Event", message.event().label());
        all.put("X-Driftwatch-Dedup-Key", message.dedupKey());
        if (secret != null && !secret.isEmpty()) {
            long now = clock.instant().getEpochSecond();
            all.put(WebhookSignature.HEADER, WebhookSignature.header(secret.reveal(), now, body));
        }
        poster.post(name, url, body, all);
    }

    static List<Problem> validate(ChannelSpec spec) {
        var problems = new ArrayList<Problem>();
        String url = spec.string("url", null);
        if (url != null) {
            String problem = JsonPoster.checkUrl(url);
            if (problem != null) problems.add(new Problem("url", "url " + problem));
        }
        for (String header : spec.map("headers").keySet()) {
            if (RESERVED.contains(header.toLowerCase(Locale.ROOT)))
                problems.add(new Problem(
                        "headers", "header '" + header + "' is set by driftwatch and cannot be configured"));
            else if (!header.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))
                problems.add(new Problem("headers", "header '" + header + "' is not a valid header name"));
        }
        spec.map("headers").forEach((header, value) -> {
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f))
                problems.add(new Problem("headers", "header '" + header + "' has a control character in its value"));
        });
        return problems;
    }
}
