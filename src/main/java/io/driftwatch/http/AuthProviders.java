package io.driftwatch.http;

import io.driftwatch.config.ConnectionDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The explicit registry of auth types. Adding a vendor flow = one {@link AuthProviderFactory} class and
 * passing it to {@link #standard(AuthServices, AuthProviderFactory...)} (or listing it in {@link
 * #GENERIC} when it is generic).
 */
public final class AuthProviders {

    /** Auth types every installation has. */
    public static final List<AuthProviderFactory> GENERIC = List.of(
            AuthProviderFactory.of("none", (c, s) -> AuthProvider.NONE),
            BasicAuthProvider.FACTORY,
            BearerAuthProvider.FACTORY,
            ApiKeyAuthProvider.FACTORY,
            ClientCredentialsAuthProvider.FACTORY);

    private final AuthServices services;
    private final Map<String, AuthProviderFactory> factories;

    public AuthProviders(AuthServices services, List<AuthProviderFactory> factories) {
        this.services = Objects.requireNonNull(services, "services");
        var byType = new LinkedHashMap<String, AuthProviderFactory>();
        for (AuthProviderFactory f : factories) {
            if (byType.putIfAbsent(f.type(), f) != null) {
                throw new IllegalArgumentException("auth type '" + f.type() + "' registered twice");
            }
        }
        this.factories = Collections.unmodifiableMap(byType);
    }

    /** The generic types plus {@code vendorFlows}. */
    public static AuthProviders standard(AuthServices services, AuthProviderFactory... vendorFlows) {
        var all = new java.util.ArrayList<>(GENERIC);
        all.addAll(List.of(vendorFlows));
        return new AuthProviders(services, all);
    }

    /**
     * A new provider for the connection (call once per connection, again after its config changes).
     *
     * @throws IllegalArgumentException when the auth type is not registered
     */
    public AuthProvider create(ConnectionDefinition connection) {
        String type = connection.auth().type();
        AuthProviderFactory f = factories.get(type);
        if (f == null) {
            throw new IllegalArgumentException("connection '" + connection.id() + "': unknown auth type '" + type
                    + "' (known: " + String.join(", ", factories.keySet()) + ")");
        }
        return f.create(connection, services);
    }

    public Set<String> types() {
        return factories.keySet();
    }
}
