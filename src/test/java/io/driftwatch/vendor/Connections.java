package io.driftwatch.vendor;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Variations of loaded connections for tests. */
final class Connections {
    private Connections() {}

    static ConnectionDefinition withBaseUrl(ConnectionDefinition c, URI baseUrl) {
        return new ConnectionDefinition(
                c.id(), c.vendor(), baseUrl, c.headers(), c.auth(), c.maxConcurrency(), c.settings(), c.source());
    }

    static ConnectionDefinition withSettings(ConnectionDefinition c, Map<String, String> changes) {
        var settings = new HashMap<>(c.settings());
        settings.putAll(changes);
        return new ConnectionDefinition(
                c.id(), c.vendor(), c.baseUrl(), c.headers(), c.auth(), c.maxConcurrency(), settings, c.source());
    }

    /** A vendor auth section with some settings and secrets replaced (a null value removes the key). */
    static ConnectionDefinition withAuth(
            ConnectionDefinition c, String type, Map<String, String> settings, Map<String, String> secrets) {
        var spec = (AuthSpec.Vendor) c.auth();
        var s = new HashMap<>(spec.settings());
        settings.forEach((k, v) -> {
            if (v == null) s.remove(k);
            else s.put(k, v);
        });
        var x = new HashMap<>(spec.secrets());
        secrets.forEach((k, v) -> {
            if (v == null) x.remove(k);
            else x.put(k, Secret.of(v));
        });
        return new ConnectionDefinition(
                c.id(),
                c.vendor(),
                c.baseUrl(),
                c.headers(),
                new AuthSpec.Vendor(type == null ? spec.type() : type, s, x),
                c.maxConcurrency(),
                c.settings(),
                c.source());
    }
}
