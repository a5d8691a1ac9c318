package io.driftwatch.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Salesforce access tokens. A session expires after the configured idle time (org session timeout,
 * default 2 h) and every use extends it (VENDORS.md §2.3). No refresh tokens: JWT bearer and client
 * credentials clients mint a new token when told {@code INVALID_SESSION_ID}.
 */
final class SfSessions {
    private record Session(Instant issuedAt, Instant lastUsed) {}

    private final SandboxContext ctx;
    private final Map<String, Session> sessions = new HashMap<>();

    SfSessions(SandboxContext ctx) {
        this.ctx = ctx;
    }

    synchronized String issue() {
        String token = ctx.randomToken(SfOpportunities.ORG_ID.substring(0, 15) + "!AR", 72);
        Instant now = ctx.now();
        sessions.put(token, new Session(now, now));
        return token;
    }

    /** True when {@code token} is a live session, which it then extends. */
    synchronized boolean touch(String token) {
        Session s = sessions.get(token);
        Instant now = ctx.now();
        if (s == null || !now.isBefore(s.lastUsed().plus(ctx.config.salesforceSessionTimeout()))) return false;
        sessions.put(token, new Session(s.issuedAt(), now));
        return true;
    }

    /**
     * Ends every session, as an admin revoking the app's tokens would; called when {@code revoked-token}
     * is switched on for Salesforce. New tokens can still be minted (JWT and client credentials need no
     * stored grant), so a client that re-mints once recovers.
     */
    synchronized void revokeAll() {
        sessions.clear();
    }
}
