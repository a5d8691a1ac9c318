package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token} for the JWT bearer and client-credentials grants (VENDORS.md §2.3).
 * The JWT must be RS256, verify against the configured public key, and carry {@code iss} = consumer key,
 * {@code sub} (or legacy {@code prn}, which wins) = the integration user, an accepted {@code aud}, and an
 * {@code exp} in the future but at most 3 minutes away. Errors are {@code {"error","error_description"}}.
 */
final class SfTokenHandler {
    static final String PATH = "/services/oauth2/token";
    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration MAX_EXP_AHEAD = Duration.ofMinutes(3);

    private final SandboxContext ctx;
    private final SfSessions sessions;
    private final RSAPublicKey publicKey;

    SfTokenHandler(SandboxContext ctx, SfSessions sessions, RSAPublicKey publicKey) {
        this.ctx = ctx;
        this.sessions = sessions;
        this.publicKey = publicKey;
    }

    SandboxResponse handle(SandboxRequest req) {
        if (!req.method().equals("POST")) return error("invalid_request", "must use HTTP POST");
        Map<String, String> form = req.form();
        String grant = form.getOrDefault("grant_type", "");
        String problem;
        if (grant.equals(JWT_GRANT)) problem = checkAssertion(form.get("assertion"));
        else if (grant.equals("client_credentials")) problem = checkClient(form, req.header("authorization"));
        else return error("unsupported_grant_type", "grant type not supported");
        if (problem != null) {
            int colon = problem.indexOf(':');
            return error(problem.substring(0, colon), problem.substring(colon + 1));
        }
        return granted();
    }

    /** Null when the assertion is acceptable, else {@code error:description}. */
    private String checkAssertion(String assertion) {
        if (assertion == null || assertion.isEmpty()) return "invalid_request:assertion is required";
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return "invalid_grant:invalid assertion";
            if (!jwt.verify(new RSASSAVerifier(publicKey))) return "invalid_grant:invalid assertion";
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            return "invalid_grant:invalid assertion";
        }
        SandboxCredentials c = ctx.credentials;
        if (!c.salesforceConsumerKey().equals(claims.getIssuer())) return "invalid_client_id:client identifier invalid";
        Object prn = claims.getClaim("prn");
        String subject = prn != null ? prn.toString() : claims.getSubject();
        if (!c.salesforceUsername().equals(subject)) return "invalid_grant:user hasn't approved this consumer";
        List<String> aud = claims.getAudience();
        List<String> accepted = List.of("https://login.salesforce.com", "https://test.salesforce.com", ctx.root());
        if (aud == null || aud.stream().noneMatch(accepted::contains)) return "invalid_grant:audience is invalid";
        Date exp = claims.getExpirationTime();
        Instant now = ctx.now();
        if (exp == null || !exp.toInstant().isAfter(now)) return "invalid_grant:expired authorization code";
        if (exp.toInstant().isAfter(now.plus(MAX_EXP_AHEAD))) return "invalid_grant:invalid assertion";
        return null;
    }

    private String checkClient(Map<String, String> form, String authorization) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "invalid_client:invalid client credentials";
            }
            int colon = decoded.indexOf(':');
            id = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? "" : decoded.substring(colon + 1);
        }
        if (!ctx.credentials.salesforceConsumerKey().equals(id)) return "invalid_client_id:client identifier invalid";
        if (!ctx.credentials.salesforceConsumerSecret().equals(secret))
            return "invalid_client:invalid client credentials";
        return null;
    }

    private SandboxResponse granted() {
        ctx.counters.salesforceTokens.incrementAndGet();
        String id = "https://login.salesforce.com/id/" + SfOpportunities.ORG_ID + "/" + SfOpportunities.USER_ID;
        String issuedAt = String.valueOf(ctx.now().toEpochMilli());
        ObjectNode body = Json.object();
        body.put("access_token", sessions.issue());
        body.put("signature", signature(id + issuedAt));
        body.put("scope", "api");
        body.put("instance_url", ctx.root());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return SandboxResponse.json(200, body);
    }

    /** Base64 HMAC-SHA256 of {@code id + issued_at} keyed with the consumer secret. */
    private String signature(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    ctx.credentials.salesforceConsumerSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private SandboxResponse error(String code, String description) {
        ctx.counters.salesforceTokenFailures.incrementAndGet();
        ObjectNode body = Json.object();
        body.put("error", code);
        body.put("error_description", description);
        return SandboxResponse.json(400, body);
    }
}
