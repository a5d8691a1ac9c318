package io.driftwatch.vendor.salesforce;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import io.driftwatch.http.AuthProviderFactory;
import io.driftwatch.http.AuthServices;
import io.driftwatch.http.BasicAuthProvider;
import io.driftwatch.vendor.AuthStatuses;
import io.driftwatch.vendor.MisconfiguredAuth;
import io.driftwatch.vendor.VendorAuthSettings;
import java.util.Map;

/**
 * Salesforce OAuth 2.0 client credentials flow, auth type {@code salesforce-client-credentials}
 * (VENDORS.md §2.3): {@code grant_type=client_credentials} with {@code clientId} and {@code clientSecret}
 * sent as HTTP Basic, against {@code loginUrl} (the org's My Domain URL; login.salesforce.com is
 * reported not to work for this flow). The token runs as the app's configured integration user.
 */
public final class SalesforceClientCredentialsAuthProvider extends SalesforceSessionProvider {
    public static final String TYPE = "salesforce-client-credentials";

    private final String basic;

    public static AuthProviderFactory factory(AuthStatuses statuses) {
        return MisconfiguredAuth.guarded(TYPE, (c, s) -> new SalesforceClientCredentialsAuthProvider(c, s, statuses));
    }

    public SalesforceClientCredentialsAuthProvider(
            ConnectionDefinition connection, AuthServices services, AuthStatuses statuses) {
        this(new VendorAuthSettings(connection), services, statuses);
    }

    private SalesforceClientCredentialsAuthProvider(
            VendorAuthSettings s, AuthServices services, AuthStatuses statuses) {
        super(s.connectionId(), TYPE, s.url("loginUrl", null), services, statuses);
        String clientId = s.requireSetting("clientId");
        Secret secret = s.requireSecret("clientSecret");
        this.basic = "Basic " + BasicAuthProvider.credential(clientId, secret);
    }

    @Override
    Grant grant() {
        return new Grant(Map.of("grant_type", "client_credentials"), Map.of("Authorization", basic));
    }
}
