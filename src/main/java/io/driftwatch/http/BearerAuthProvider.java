package io.driftwatch.http;

import io.driftwatch.config.AuthSpec;

/** A static bearer token (RFC 6750): {@code Authorization: Bearer <token>}. */
public final class BearerAuthProvider implements AuthProvider {
    public static final AuthProviderFactory FACTORY = AuthProviderFactory.of(
            "bearer", (c, s) -> new BearerAuthProvider(AuthProviderFactory.spec(c, AuthSpec.Bearer.class)));

    private final String headerValue;

    public BearerAuthProvider(AuthSpec.Bearer spec) {
        this.headerValue = "Bearer " + spec.token().reveal();
    }

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) {
        return request.withHeader("Authorization", headerValue);
    }

    @Override
    public String toString() {
        return "BearerAuthProvider[****]";
    }
}
