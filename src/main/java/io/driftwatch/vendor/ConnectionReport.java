package io.driftwatch.vendor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One connection's state as JSON for {@code GET /api/v1/connections} and {@code driftwatch connections}:
 * vendor, auth type, where it points (scheme, host and port only) and the auth state its provider last
 * saw. Built from configuration and {@link AuthStatuses}/{@link QuotaUsage}, which hold no secret; a
 * credential is only ever reported as configured or not.
 */
public final class ConnectionReport {
    private ConnectionReport() {}

    public static ObjectNode json(
            ConnectionDefinition c, Optional<AuthStatuses.Status> status, OptionalDouble quota, Instant now) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", c.id());
        o.put("vendor", c.vendor());
        o.put("authType", c.auth().type());
        o.put("endpoint", endpoint(c.baseUrl()));
        if (c.auth() instanceof AuthSpec.Vendor v && v.type().equals("quickbooks-oauth2")) {
            o.put(
                    "refreshTokenConfigured",
                    v.secrets().containsKey("refreshToken") || v.settings().containsKey("refreshTokenFile"));
        }
        AuthStatuses.State state = status.map(AuthStatuses.Status::state).orElse(AuthStatuses.State.UNKNOWN);
        o.put("state", state.name().toLowerCase(Locale.ROOT));
        status.ifPresent(s -> {
            put(o, "lastTokenAt", s.lastTokenAt());
            if (s.accessExpiresAt() != null && state == AuthStatuses.State.OK) {
                o.put("accessTokenExpiresAt", s.accessExpiresAt().toString());
                o.put("accessTokenValid", now.isBefore(s.accessExpiresAt()));
            }
            put(o, "refreshTokenExpiresAt", s.refreshExpiresAt());
            put(o, "refreshTokenHardExpiresAt", s.hardExpiresAt());
            Instant deadline = s.refreshDeadline();
            if (deadline != null)
                o.put("refreshTokenDaysLeft", Duration.between(now, deadline).toDays());
            if (s.lastError() != null) o.put("lastError", s.lastError());
        });
        if (quota.isPresent()) o.put("quotaUsedRatio", quota.getAsDouble());
        return o;
    }

    /** {@code scheme://host[:port]}: never a path, query or user info, which could carry a secret. */
    static String endpoint(URI base) {
        if (base == null || base.getHost() == null) return null;
        return base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    }

    private static void put(ObjectNode o, String key, Instant value) {
        if (value != null) o.put(key, value.toString());
    }
}
