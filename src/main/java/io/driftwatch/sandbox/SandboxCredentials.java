package io.driftwatch.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo credentials a running sandbox accepts. They protect nothing real, but they are handled like
 * secrets anyway ({@link #toString()} masks them) so copying this type's habits into production code is
 * safe.
 *
 * @param qboInitialRefreshToken the refresh token valid when the sandbox starts; it rotates on first use
 * @param smartyLapsedAuthId an account without an active subscription: every lookup gets 402
 * @param salesforcePrivateKeyPem PKCS#8 PEM of the key that signs JWT bearer assertions
 * @param salesforcePublicKeyPem X.509 PEM of the matching public key the sandbox verifies with
 */
public record SandboxCredentials(
        String qboClientId,
        String qboClientSecret,
        String qboInitialRefreshToken,
        String qboRealmId,
        String qboKnownInvoiceId,
        String salesforceConsumerKey,
        String salesforceConsumerSecret,
        String salesforceUsername,
        Path salesforcePrivateKeyPem,
        Path salesforcePublicKeyPem,
        String smartyAuthId,
        String smartyAuthToken,
        String smartyLapsedAuthId,
        String smartyLapsedAuthToken,
        String jobsApiKey) {

    /** The fixed demo values, with the key files given. */
    static SandboxCredentials demo(Path privateKeyPem, Path publicKeyPem) {
        return new SandboxCredentials(
                "ABsandboxQboClientId0000000000000000000000000",
                "sandboxQboClientSecret000000000000000000",
                "AB11sandboxInitialRefreshToken000000000000000000",
                "9130357766900456",
                "130",
                "3MVG9sandboxConsumerKey.driftwatch.demo",
                "sandboxSalesforceConsumerSecret00000000000000",
                "integration@driftwatch.example",
                privateKeyPem,
                publicKeyPem,
                "sandbox-smarty-auth-id",
                "sandboxSmartyAuthToken0000",
                "sandbox-smarty-lapsed-id",
                "sandboxSmartyLapsedToken00",
                "sandboxJobsApiKey000000000");
    }

    /**
     * Environment variables the shipped connection and probe files read, pointed at a sandbox on {@code
     * base}. Used by {@code driftwatch sandbox} (printed for the user) and {@code driftwatch demo}.
     */
    public Map<String, String> environment(URI base) {
        String root = base.toString().replaceAll("/$", "");
        var env = new LinkedHashMap<String, String>();
        env.put("QBO_BASE_URL", root);
        env.put("QBO_OAUTH_URL", root + "/oauth2/v1/tokens/bearer");
        env.put("QBO_CLIENT_ID", qboClientId);
        env.put("QBO_CLIENT_SECRET", qboClientSecret);
        env.put("QBO_REFRESH_TOKEN", qboInitialRefreshToken);
        env.put("QBO_REALM_ID", qboRealmId);
        env.put("QBO_PROBE_INVOICE_ID", qboKnownInvoiceId);
        env.put("SF_LOGIN_URL", root);
        env.put("SF_AUDIENCE", "https://login.salesforce.com");
        env.put("SF_CLIENT_ID", salesforceConsumerKey);
        env.put("SF_CLIENT_SECRET", salesforceConsumerSecret);
        env.put("SF_USERNAME", salesforceUsername);
        env.put("SF_PRIVATE_KEY_FILE", salesforcePrivateKeyPem.toString());
        env.put("SMARTY_BASE_URL", root);
        env.put("SMARTY_AUTH_ID", smartyAuthId);
        env.put("SMARTY_AUTH_TOKEN", smartyAuthToken);
        env.put("JOBS_BASE_URL", root);
        env.put("JOBS_API_KEY", jobsApiKey);
        return env;
    }

    @Override
    public String toString() {
        return "SandboxCredentials[qboClientId=" + qboClientId + ", qboRealmId=" + qboRealmId
                + ", salesforceConsumerKey=" + salesforceConsumerKey + ", salesforceUsername=" + salesforceUsername
                + ", salesforcePrivateKeyPem=" + salesforcePrivateKeyPem + ", smartyAuthId=" + smartyAuthId
                + ", secrets=****]";
    }
}
