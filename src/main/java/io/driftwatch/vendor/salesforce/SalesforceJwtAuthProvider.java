package io.driftwatch.vendor.salesforce;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import io.driftwatch.http.AuthException;
import io.driftwatch.http.AuthProviderFactory;
import io.driftwatch.http.AuthServices;
import io.driftwatch.vendor.AuthStatuses;
import io.driftwatch.vendor.MisconfiguredAuth;
import io.driftwatch.vendor.VendorAuthSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Salesforce OAuth 2.0 JWT bearer flow, auth type {@code salesforce-jwt} (VENDORS.md §2.3): an RS256
 * assertion with {@code iss} = the app's consumer key ({@code clientId}), {@code sub} = {@code username},
 * {@code aud} = {@code audience} (default: {@code loginUrl}, e.g. https://login.salesforce.com or
 * https://test.salesforce.com) and {@code exp} two minutes ahead (Salesforce allows at most three),
 * signed with the PKCS#8 key in {@code privateKeyFile} (or inline {@code privateKey}). No client secret.
 */
public final class SalesforceJwtAuthProvider extends SalesforceSessionProvider {
    public static final String TYPE = "salesforce-jwt";
    public static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(2);

    private final String clientId;
    private final String username;
    private final String audience;
    private final RSAPrivateKey key;

    public static AuthProviderFactory factory(AuthStatuses statuses) {
        return MisconfiguredAuth.guarded(TYPE, (c, s) -> new SalesforceJwtAuthProvider(c, s, statuses));
    }

    public SalesforceJwtAuthProvider(ConnectionDefinition connection, AuthServices services, AuthStatuses statuses) {
        this(new VendorAuthSettings(connection), services, statuses);
    }

    private SalesforceJwtAuthProvider(VendorAuthSettings s, AuthServices services, AuthStatuses statuses) {
        super(s.connectionId(), TYPE, s.url("loginUrl", DEFAULT_LOGIN_URL), services, statuses);
        this.clientId = s.requireSetting("clientId");
        this.username = s.requireSetting("username");
        this.audience = s.setting(
                "audience", s.url("loginUrl", DEFAULT_LOGIN_URL).toString().replaceAll("/+$", ""));
        this.key = loadKey(s);
    }

    private static RSAPrivateKey loadKey(VendorAuthSettings s) {
        Secret inline = s.inlineSecret("privateKey");
        if (inline != null) return PrivateKeys.rsa(inline.reveal(), s, "auth.privateKey");
        Path file = s.path("privateKeyFile");
        if (file == null) throw s.problem("auth.privateKeyFile (or auth.privateKey) is required");
        try {
            return PrivateKeys.rsa(Files.readString(file), s, "auth.privateKeyFile '" + file + "'");
        } catch (IOException e) {
            throw s.problem("cannot read auth.privateKeyFile '" + file + "': "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    Grant grant() throws AuthException {
        var claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(username)
                .audience(audience)
                .expirationTime(Date.from(clock.instant().plus(ASSERTION_LIFETIME)))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new AuthException(
                    "cannot sign the Salesforce JWT assertion: " + e.getClass().getSimpleName(), true);
        }
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", GRANT);
        form.put("assertion", jwt.serialize());
        return new Grant(form, Map.of());
    }
}
