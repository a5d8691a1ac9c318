package io.driftwatch.channel;

import io.driftwatch.channel.email.EmailChannel;
import io.driftwatch.channel.pagerduty.PagerDutyChannel;
import io.driftwatch.channel.slack.SlackChannel;
import io.driftwatch.channel.teams.TeamsChannel;
import io.driftwatch.channel.webhook.WebhookChannel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The channel types by {@code type:} name. Explicit on purpose: adding a channel is one class with a
 * {@code TYPE} constant plus one line here, and nothing is discovered by reflection.
 */
public final class ChannelRegistry {
    private final Map<String, ChannelType> types;

    private ChannelRegistry(Map<String, ChannelType> types) {
        this.types = Map.copyOf(types);
    }

    public static ChannelRegistry standard() {
        var types = new LinkedHashMap<String, ChannelType>();
        for (ChannelType type : new ChannelType[] {
            EmailChannel.TYPE, WebhookChannel.TYPE, SlackChannel.TYPE, TeamsChannel.TYPE, PagerDutyChannel.TYPE
        }) {
            types.put(type.type(), type);
        }
        return new ChannelRegistry(types);
    }

    public Optional<ChannelType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Type names, sorted, for the "unknown type" message. */
    public java.util.List<String> typeNames() {
        return types.keySet().stream().sorted().toList();
    }

    /** Builds one channel; the spec must have passed validation. */
    public Channel create(ChannelSpec spec, ChannelDependencies dependencies) {
        ChannelType type = types.get(spec.type());
        if (type == null) throw new IllegalArgumentException("unknown channel type '" + spec.type() + "'");
        return type.create(spec, dependencies);
    }

    /** Builds every channel, keyed by name, in configuration order. */
    public Map<String, Channel> createAll(Collection<ChannelSpec> specs, ChannelDependencies dependencies) {
        var channels = new LinkedHashMap<String, Channel>();
        for (ChannelSpec spec : specs) channels.put(spec.name(), create(spec, dependencies));
        return channels;
    }
}
