package io.driftwatch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * QuickBooks token state: rotating refresh tokens and bearer access tokens (VENDORS.md §1.3). Every
 * successful refresh issues a new refresh token; the one presented stops working once {@code grace}
 * has passed (Intuit: 24 h; the sandbox default 0 makes rotation visible at once). Refresh tokens roll:
 * each new one is valid for {@code refreshLifetime}, never past the hard cap fixed at start.
 */
final class QboTokens {

    /** A successful refresh. */
    record Grant(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn, long hardExpiresIn) {}

    private record RefreshState(Instant expiresAt, Instant supersededAt) {}

    private final SandboxContext ctx;
    private final Instant hardExpiry;
    private final Map<String, RefreshState> refreshTokens = new HashMap<>();
    private final Map<String, Instant> accessTokens = new HashMap<>();

    QboTokens(SandboxContext ctx) {
        this.ctx = ctx;
        Instant now = ctx.now();
        this.hardExpiry = now.plus(ctx.config.qboRefreshTokenHardLifetime());
        refreshTokens.put(ctx.credentials.qboInitialRefreshToken(), new RefreshState(rollingExpiry(now), null));
    }

    /** Exchanges {@code presented} for a new pair, or returns null (invalid_grant). */
    synchronized Grant refresh(String presented) {
        Instant now = ctx.now();
        RefreshState state = refreshTokens.get(presented);
        if (state == null || !now.isBefore(state.expiresAt())) return null;
        if (state.supersededAt() != null && !now.isBefore(state.supersededAt().plus(ctx.config.qboRefreshGrace()))) {
            return null;
        }
        if (state.supersededAt() == null) refreshTokens.put(presented, new RefreshState(state.expiresAt(), now));
        String refresh = ctx.randomToken("AB11", 36);
        Instant refreshExpiry = rollingExpiry(now);
        refreshTokens.put(refresh, new RefreshState(refreshExpiry, null));
        String access = ctx.randomToken("eyJ", 96);
        Duration lifetime = ctx.config.qboAccessTokenLifetime();
        accessTokens.put(access, now.plus(lifetime));
        return new Grant(
                access,
                refresh,
                lifetime.toSeconds(),
                Duration.between(now, refreshExpiry).toSeconds(),
                Duration.between(now, hardExpiry).toSeconds());
    }

    /** True when {@code token} was issued here and has not expired. */
    synchronized boolean accessValid(String token) {
        Instant expiry = accessTokens.get(token);
        return expiry != null && ctx.now().isBefore(expiry);
    }

    /** Forgets every token (a user disconnecting the app): all refresh and access tokens stop working. */
    synchronized void revokeAll() {
        refreshTokens.clear();
        accessTokens.clear();
    }

    private Instant rollingExpiry(Instant now) {
        Instant rolling = now.plus(ctx.config.qboRefreshTokenLifetime());
        return rolling.isAfter(hardExpiry) ? hardExpiry : rolling;
    }
}
