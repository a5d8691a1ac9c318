package io.driftwatch.vendor;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.http.AuthException;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.AuthProviderFactory;
import io.driftwatch.http.AuthServices;
import io.driftwatch.http.OutgoingRequest;
import java.util.function.BiFunction;

/**
 * Turns a vendor flow's configuration error into an {@link AuthProvider} that fails every request with
 * that message (permanent), so a bad connection file becomes a clear {@code auth} finding on its probes
 * instead of an exception in the engine.
 */
public record MisconfiguredAuth(String message) implements AuthProvider {

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) throws AuthException {
        throw new AuthException(message, true);
    }

    /** A factory for {@code type} whose construction errors (IllegalArgumentException) become this. */
    public static AuthProviderFactory guarded(
            String type, BiFunction<ConnectionDefinition, AuthServices, AuthProvider> create) {
        return AuthProviderFactory.of(type, (connection, services) -> {
            try {
                return create.apply(connection, services);
            } catch (IllegalArgumentException e) {
                return new MisconfiguredAuth(e.getMessage());
            }
        });
    }
}
