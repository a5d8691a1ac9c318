package io.driftwatch.http;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic (RFC 7617): {@code Authorization: Basic base64(user:password)}, UTF-8. */
public final class BasicAuthProvider implements AuthProvider {
    public static final AuthProviderFactory FACTORY = AuthProviderFactory.of(
            "basic", (c, s) -> new BasicAuthProvider(AuthProviderFactory.spec(c, AuthSpec.Basic.class)));

    private final String headerValue;

    public BasicAuthProvider(AuthSpec.Basic spec) {
        this.headerValue = "Basic " + credential(spec.username(), spec.password());
    }

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) {
        return request.withHeader("Authorization", headerValue);
    }

    /** base64(user:password), the secret part of the header (also given to the redactor). */
    public static String credential(String username, Secret password) {
        String pair = username + ":" + password.reveal();
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuthProvider[****]";
    }
}
