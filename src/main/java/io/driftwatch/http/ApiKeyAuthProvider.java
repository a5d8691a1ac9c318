package io.driftwatch.http;

import io.driftwatch.config.AuthSpec;

/**
 * A static key sent as a header or a query parameter (Smarty's {@code auth-id} / {@code auth-token}
 * style). In a query the value is percent-encoded; the redactor masks it in URLs by value.
 */
public final class ApiKeyAuthProvider implements AuthProvider {
    public static final AuthProviderFactory FACTORY = AuthProviderFactory.of(
            "api-key", (c, s) -> new ApiKeyAuthProvider(AuthProviderFactory.spec(c, AuthSpec.ApiKey.class)));

    private final String name;
    private final String value;
    private final boolean inQuery;

    public ApiKeyAuthProvider(AuthSpec.ApiKey spec) {
        this.name = spec.name();
        this.value = spec.value().reveal();
        this.inQuery = spec.in() == AuthSpec.KeyLocation.QUERY;
    }

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) {
        return inQuery ? request.withQueryParam(name, value) : request.withHeader(name, value);
    }

    @Override
    public String toString() {
        return "ApiKeyAuthProvider[" + name + "=****]";
    }
}
