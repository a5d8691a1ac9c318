package io.driftwatch.http;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import java.util.function.BiFunction;

/**
 * Builds the {@link AuthProvider} for one auth {@code type:} (the key in connection files). A vendor
 * flow (quickbooks-oauth2, salesforce-jwt...) is one class implementing this plus one line in {@link
 * AuthProviders}.
 */
public interface AuthProviderFactory {

    /** The {@code type:} this factory handles; equals {@link AuthSpec#type()} of the specs it accepts. */
    String type();

    /** One provider per connection, shared by its probes. */
    AuthProvider create(ConnectionDefinition connection, AuthServices services);

    static AuthProviderFactory of(String type, BiFunction<ConnectionDefinition, AuthServices, AuthProvider> create) {
        return new AuthProviderFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public AuthProvider create(ConnectionDefinition connection, AuthServices services) {
                return create.apply(connection, services);
            }
        };
    }

    /** The connection's auth spec as {@code type}, or a clear error naming the connection. */
    static <T extends AuthSpec> T spec(ConnectionDefinition connection, Class<T> type) {
        AuthSpec auth = connection.auth();
        if (!type.isInstance(auth)) {
            throw new IllegalArgumentException("connection '" + connection.id() + "': auth type '" + auth.type()
                    + "' has no " + type.getSimpleName() + " settings");
        }
        return type.cast(auth);
    }
}
