package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code POST /oauth2/v1/tokens/bearer}: Intuit's token endpoint for the refresh-token grant (VENDORS.md
 * §1.3). Client authentication is HTTP Basic with client id and secret; the form carries {@code
 * grant_type=refresh_token} and {@code refresh_token}. Errors are {@code {"error": "..."}} bodies.
 */
final class QboTokenHandler {
    static final String PATH = "/oauth2/v1/tokens/bearer";

    private final SandboxContext ctx;
    private final QboTokens tokens;

    QboTokenHandler(SandboxContext ctx, QboTokens tokens) {
        this.ctx = ctx;
        this.tokens = tokens;
    }

    SandboxResponse handle(SandboxRequest req) {
        if (!req.method().equals("POST")) return error(405, "invalid_request");
        if (!clientAuthenticated(req.header("authorization"))) return error(401, "invalid_client");
        String contentType = req.header("content-type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request");
        }
        Map<String, String> form = req.form();
        String grant = form.get("grant_type");
        if (!"refresh_token".equals(grant)) return error(400, "unsupported_grant_type");
        String presented = form.get("refresh_token");
        if (presented == null || presented.isEmpty()) return error(400, "invalid_request");
        if (ctx.scenarios.on(ScenarioKind.REVOKED_TOKEN, SandboxVendor.QUICKBOOKS)) {
            return error(400, "invalid_grant");
        }
        QboTokens.Grant grantResult = tokens.refresh(presented);
        if (grantResult == null) return error(400, "invalid_grant");
        ctx.counters.qboRefreshes.incrementAndGet();
        boolean asStrings = ctx.config.qboTokenNumbersAsStrings();
        ObjectNode body = Json.object();
        body.put("token_type", "bearer");
        body.put("access_token", grantResult.accessToken());
        number(body, "expires_in", grantResult.expiresIn(), asStrings);
        body.put("refresh_token", grantResult.refreshToken());
        number(body, "x_refresh_token_expires_in", grantResult.refreshExpiresIn(), asStrings);
        if ("true".equalsIgnoreCase(req.header("x-include-refresh-token-hard-expires-in"))) {
            number(body, "x_refresh_token_hard_expires_in", grantResult.hardExpiresIn(), asStrings);
        }
        return SandboxResponse.json(200, body);
    }

    private boolean clientAuthenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return false;
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        SandboxCredentials c = ctx.credentials;
        return decoded.equals(c.qboClientId() + ":" + c.qboClientSecret());
    }

    private SandboxResponse error(int status, String code) {
        ctx.counters.qboRefreshFailures.incrementAndGet();
        ObjectNode body = Json.object();
        body.put("error", code);
        return SandboxResponse.json(status, body);
    }

    private static void number(ObjectNode body, String name, long value, boolean asString) {
        if (asString) body.put(name, String.valueOf(value));
        else body.put(name, value);
    }
}
