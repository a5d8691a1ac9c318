package io.driftwatch.vendor.smarty;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.AuthProviderFactory;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.vendor.MisconfiguredAuth;
import io.driftwatch.vendor.VendorAuthSettings;

/**
 * Smarty secret-key auth, auth type {@code smarty} (VENDORS.md §3): the {@code auth-id} and {@code
 * auth-token} query parameters on every request. Both are masked in URLs by the redactor (the parameter
 * names are on its always-sensitive list, and the token is a configured secret).
 */
public final class SmartyAuthProvider implements AuthProvider {
    public static final String TYPE = "smarty";

    private final String authId;
    private final Secret authToken;

    public static AuthProviderFactory factory() {
        return MisconfiguredAuth.guarded(TYPE, (c, s) -> new SmartyAuthProvider(c));
    }

    public SmartyAuthProvider(ConnectionDefinition connection) {
        var settings = new VendorAuthSettings(connection);
        this.authId = settings.requireSetting("authId");
        this.authToken = settings.requireSecret("authToken");
    }

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) {
        return request.withQueryParam("auth-id", authId).withQueryParam("auth-token", authToken.reveal());
    }

    @Override
    public String toString() {
        return "SmartyAuthProvider[" + authId + ", ****]";
    }
}
