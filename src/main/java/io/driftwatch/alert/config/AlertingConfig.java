package io.driftwatch.alert.config;

import io.driftwatch.channel.ChannelSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything under {@code alerting/}, merged across files and validated.
 *
 * <p>Routing: a probe whose {@code alert.route} names a route uses that route alone (its {@code match}
 * is not consulted). Otherwise routes are tried in file order (files sorted by name); the first match
 * wins, unless it says {@code continue: true}, in which case later matching routes add their channels.
 * Thresholds come from the first matching route over {@code defaults}. With no matching route, the
 * alert goes to {@code defaults.channels} (which may be empty: the alert is then recorded and shown
 * by {@code alerts list}, but sent nowhere).
 *
 * @param publicUrl the daemon's external base URL; alerts link to {@code <publicUrl>/probes/<id>}
 * @param grafanaUrl optional dashboard link; {@code {probe}} is replaced by the probe id
 */
public record AlertingConfig(
        String publicUrl,
        String grafanaUrl,
        Thresholds defaults,
        List<String> defaultChannels,
        List<ChannelSpec> channels,
        List<Route> routes,
        List<MaintenanceWindow> maintenance,
        List<Silence> silences,
        DeliverySettings delivery) {

    public static final String DEFAULT_PUBLIC_URL = "http://localhost:9464";

    public static final AlertingConfig EMPTY = new AlertingConfig(
            DEFAULT_PUBLIC_URL,
            null,
            Thresholds.DEFAULT,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            DeliverySettings.DEFAULT);

    public AlertingConfig {
        defaultChannels = List.copyOf(defaultChannels);
        channels = List.copyOf(channels);
        routes = List.copyOf(routes);
        maintenance = List.copyOf(maintenance);
        silences = List.copyOf(silences);
    }

    /** The routing decision for one alert: channels in order, and the thresholds that apply. */
    public record Decision(List<String> channels, Thresholds thresholds, String routeName) {}

    public Decision route(AlertSubject subject, String requestedRoute) {
        if (requestedRoute != null) {
            Optional<Route> named =
                    routes.stream().filter(r -> r.name().equals(requestedRoute)).findFirst();
            if (named.isPresent()) {
                Route r = named.get();
                return new Decision(r.channels(), r.applyTo(defaults), r.name());
            }
        }
        var channels = new LinkedHashSet<String>();
        Route first = null;
        for (Route r : routes) {
            if (!r.match().matches(subject)) continue;
            if (first == null) first = r;
            channels.addAll(r.channels());
            if (!r.continueMatching()) break;
        }
        if (first == null) return new Decision(defaultChannels, defaults, null);
        return new Decision(new ArrayList<>(channels), first.applyTo(defaults), first.name());
    }

    /** The reason notifications for {@code subject} are held back at {@code now}, if any. */
    public Optional<String> suppression(AlertSubject subject, Instant now) {
        for (MaintenanceWindow w : maintenance) {
            if (w.match().matches(subject) && w.activeAt(now))
                return Optional.of("maintenance window '" + w.name() + "'");
        }
        for (Silence s : silences) {
            if (s.match().matches(subject) && s.activeAt(now)) return Optional.of("silenced: " + s.comment());
        }
        return Optional.empty();
    }

    public Optional<ChannelSpec> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> channelNames() {
        return channels.stream().map(ChannelSpec::name).toList();
    }
}
