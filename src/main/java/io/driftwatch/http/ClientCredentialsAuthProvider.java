package io.driftwatch.http;

import io.driftwatch.config.AuthSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4): POSTs {@code grant_type=client_credentials}
 * (plus {@code scope} when set) with HTTP Basic client authentication, and sends {@code Authorization:
 * Bearer <access_token>}.
 *
 * <p>The token is cached until {@code expires_in} minus a skew (60 s, or half the lifetime when that is
 * shorter) on the injected clock; without {@code expires_in} it is kept until a 401. Refresh is
 * single-flight: callers that find no valid token queue on one lock, the first fetches, the rest use its
 * token, or get its failure, so N concurrent runs cause one token request. A {@link ReentrantLock}, not
 * {@code synchronized}, so waiting virtual threads do not pin their carriers.
 */
public final class ClientCredentialsAuthProvider implements AuthProvider {
    public static final AuthProviderFactory FACTORY = AuthProviderFactory.of(
            "oauth2-client-credentials",
            (c, s) -> new ClientCredentialsAuthProvider(
                    AuthProviderFactory.spec(c, AuthSpec.ClientCredentials.class), s));

    static final Duration EXPIRY_SKEW = Duration.ofSeconds(60);

    private final AuthSpec.ClientCredentials spec;
    private final OAuthTokenClient tokens;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile CachedToken current;
    /**
     * Incremented under the lock when a fetch starts and again when it ends (odd while one is running),
     * so a caller that read it before queueing knows whether a fetch finished while it waited.
     */
    private final AtomicLong generation = new AtomicLong();
    /** The failure of the latest fetch, handed to callers that waited for it; guarded by the lock. */
    private AuthException lastFailure;

    public ClientCredentialsAuthProvider(AuthSpec.ClientCredentials spec, AuthServices services) {
        this.spec = spec;
        this.tokens = new OAuthTokenClient(services);
        this.clock = services.clock();
    }

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) throws AuthException {
        CachedToken t = current;
        if (t == null || !t.usableAt(clock.instant())) t = obtain();
        return request.withHeader("Authorization", t.headerValue());
    }

    /**
     * Drops the rejected token and fetches a new one, unless another caller already replaced it while
     * this one waited for the lock. Returns false when no new token could be obtained.
     */
    @Override
    public boolean onUnauthorized(Exchange rejected) {
        long seen = generation.get();
        lock.lock();
        try {
            if (generation.get() != seen && current != null) return true;
            current = null;
            fetchLocked();
            return true;
        } catch (AuthException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private CachedToken obtain() throws AuthException {
        long seen = generation.get();
        lock.lock();
        try {
            CachedToken t = current;
            if (t != null && t.usableAt(clock.instant())) return t;
            AuthException failed = lastFailure;
            if (generation.get() != seen && failed != null) {
                throw new AuthException(failed.getMessage(), failed.permanent());
            }
            return fetchLocked();
        } finally {
            lock.unlock();
        }
    }

    private CachedToken fetchLocked() throws AuthException {
        generation.incrementAndGet();
        try {
            return fetchAndCache();
        } finally {
            generation.incrementAndGet();
        }
    }

    private CachedToken fetchAndCache() throws AuthException {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        if (spec.scope() != null && !spec.scope().isBlank()) form.put("scope", spec.scope());
        try {
            TokenResponse r = tokens.request(spec.tokenUrl(), form, spec.clientId(), spec.clientSecret());
            CachedToken t = new CachedToken("Bearer " + r.accessToken(), validUntil(clock.instant(), r.expiresIn()));
            current = t;
            lastFailure = null;
            return t;
        } catch (AuthException e) {
            current = null;
            lastFailure = e;
            throw e;
        }
    }

    /** Expiry minus the skew; null (no expiry known) when the server gave no lifetime. */
    static Instant validUntil(Instant now, Duration expiresIn) {
        if (expiresIn == null) return null;
        Duration half = expiresIn.dividedBy(2);
        Duration skew = EXPIRY_SKEW.compareTo(half) < 0 ? EXPIRY_SKEW : half;
        return now.plus(expiresIn).minus(skew);
    }

    private record CachedToken(String headerValue, Instant validUntil) {
        boolean usableAt(Instant now) {
            return validUntil == null || now.isBefore(validUntil);
        }

        @Override
        public String toString() {
            return "CachedToken[****, validUntil=" + validUntil + "]";
        }
    }

    @Override
    public String toString() {
        return "ClientCredentialsAuthProvider[" + spec.tokenUrl().getHost() + "]";
    }
}
