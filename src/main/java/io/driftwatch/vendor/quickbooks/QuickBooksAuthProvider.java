package io.driftwatch.vendor.quickbooks;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import io.driftwatch.http.AuthException;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.AuthProviderFactory;
import io.driftwatch.http.AuthServices;
import io.driftwatch.http.BasicAuthProvider;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.vendor.AuthStatuses;
import io.driftwatch.vendor.MisconfiguredAuth;
import io.driftwatch.vendor.TokenStore;
import io.driftwatch.vendor.VendorAuthSettings;
import io.driftwatch.vendor.VendorTokenClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuickBooks Online OAuth 2.0 refresh-token flow, auth type {@code quickbooks-oauth2} (VENDORS.md §1.3).
 *
 * <p>Settings: {@code clientId}, {@code clientSecret} (or {@code clientSecretFile}), {@code refreshToken}
 * (or {@code refreshTokenFile}: the first token, from the app's connect step), {@code tokenUrl} (default
 * Intuit's), {@code hardExpiry} (default true: ask for {@code x_refresh_token_hard_expires_in}).
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>The access token is cached until {@code expires_in} minus a skew; refresh is single-flight (one
 *       lock per connection, like {@code ClientCredentialsAuthProvider}): N concurrent runs cause one
 *       token request.
 *   <li>Every refresh uses the newest refresh token: the one in the {@link TokenStore} unless the
 *       configured token is a different one (the user reconnected). The rotated token is saved (atomic,
 *       compare-and-set) before the new access token is used.
 *   <li>{@code invalid_grant} (after re-reading the store once, in case another process rotated) makes
 *       the connection LOST: every later call fails at once with {@link #LOST} and no token request is
 *       made until the connection's configuration changes (a new provider).
 * </ul>
 */
public final class QuickBooksAuthProvider implements AuthProvider {
    public static final String TYPE = "quickbooks-oauth2";
    public static final String LOST = "QuickBooks authorization lost: reconnect the app";
    public static final String DEFAULT_TOKEN_URL = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer";
    static final Duration EXPIRY_SKEW = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(QuickBooksAuthProvider.class);

    private final String connectionId;
    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final boolean askHardExpiry;
    private final QuickBooksRefreshChain chain;
    private final VendorTokenClient client;
    private final AuthStatuses statuses;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong generation = new AtomicLong();

    private volatile Cached current;
    /** Set (under the lock) when retrying cannot help; every later call fails with it. */
    private volatile AuthException dead;
    /** The latest fetch's failure, handed to callers that waited for it; guarded by the lock. */
    private AuthException lastFailure;

    private record Cached(String headerValue, Instant validUntil) {
        @Override
        public String toString() {
            return "Cached[****, validUntil=" + validUntil + "]";
        }
    }

    public static AuthProviderFactory factory(TokenStore store, AuthStatuses statuses) {
        return MisconfiguredAuth.guarded(TYPE, (c, s) -> new QuickBooksAuthProvider(c, s, store, statuses));
    }

    public QuickBooksAuthProvider(
            ConnectionDefinition connection, AuthServices services, TokenStore store, AuthStatuses statuses) {
        var settings = new VendorAuthSettings(connection);
        this.connectionId = connection.id();
        this.tokenUrl = settings.url("tokenUrl", DEFAULT_TOKEN_URL);
        this.clientId = settings.requireSetting("clientId");
        this.clientSecret = settings.requireSecret("clientSecret");
        this.askHardExpiry = !settings.setting("hardExpiry", "true").equalsIgnoreCase("false");
        this.chain = new QuickBooksRefreshChain(connectionId, store, settings.secret("refreshToken"), services.clock());
        this.client = new VendorTokenClient(services);
        this.statuses = statuses;
        this.clock = services.clock();
        statuses.update(
                new AuthStatuses.Status(connectionId, TYPE, AuthStatuses.State.UNKNOWN, null, null, null, null));
    }

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) throws AuthException {
        Cached t = current;
        if (t == null || !clock.instant().isBefore(t.validUntil())) t = obtain();
        return request.withHeader("Authorization", t.headerValue());
    }

    /** Drops the rejected access token and refreshes once, unless another caller already did. */
    @Override
    public boolean onUnauthorized(Exchange rejected) {
        long seen = generation.get();
        lock.lock();
        try {
            if (generation.get() != seen && current != null) return true;
            if (dead != null) return false;
            current = null;
            refreshLocked();
            return true;
        } catch (AuthException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private Cached obtain() throws AuthException {
        long seen = generation.get();
        lock.lock();
        try {
            AuthException d = dead;
            if (d != null) throw new AuthException(d.getMessage(), true);
            Cached t = current;
            if (t != null && clock.instant().isBefore(t.validUntil())) return t;
            AuthException failed = lastFailure;
            if (generation.get() != seen && failed != null) {
                throw new AuthException(failed.getMessage(), failed.permanent());
            }
            return refreshLocked();
        } finally {
            lock.unlock();
        }
    }

    private Cached refreshLocked() throws AuthException {
        generation.incrementAndGet();
        try {
            Cached t = refreshOnce(true);
            lastFailure = null;
            return t;
        } catch (AuthException e) {
            current = null;
            lastFailure = e;
            if (e.permanent()) dead = e;
            AuthStatuses.State state =
                    e.getMessage().equals(LOST) ? AuthStatuses.State.LOST : AuthStatuses.State.FAILING;
            status(state, e.getMessage());
            throw e;
        }
    }

    private Cached refreshOnce(boolean mayRetryStale) throws AuthException {
        QuickBooksRefreshChain.Link link = chain.current();
        if (link == null) {
            throw new AuthException(
                    "QuickBooks connection '" + connectionId + "' has no refresh token: set auth.refreshToken (or"
                            + " auth.refreshTokenFile) to the token from connecting the app",
                    true);
        }
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", link.token().reveal());
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", "Basic " + BasicAuthProvider.credential(clientId, clientSecret));
        if (askHardExpiry) headers.put("x-include-refresh-token-hard-expires-in", "true");
        VendorTokenClient.Response r = client.post(tokenUrl, form, headers);
        String tid = r.header("intuit_tid");
        if (r.status() == 200
                && r.json() != null
                && !r.json().path("access_token").asText("").isEmpty()) {
            return granted(r, link, tid);
        }
        String error = r.errorCode();
        String where = client.where(tokenUrl);
        LOG.warn(
                "QuickBooks token refresh for connection {} failed: HTTP {}, error {}, intuit_tid {}",
                connectionId,
                r.status(),
                error,
                tid);
        if ("invalid_grant".equals(error)) {
            if (mayRetryStale && chain.newerThan(link)) return refreshOnce(false);
            throw new AuthException(LOST, true);
        }
        if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            throw new AuthException(
                    where + "HTTP " + r.status() + ", error " + error + ": check auth.clientId and auth.clientSecret",
                    true);
        }
        throw new AuthException(where + "HTTP " + r.status() + (error == null ? "" : ", error " + error), false);
    }

    private Cached granted(VendorTokenClient.Response r, QuickBooksRefreshChain.Link used, String tid) {
        Instant now = clock.instant();
        var json = r.json();
        String rotated = json.path("refresh_token").asText("");
        Duration refreshLife = QuickBooksTokenFields.seconds(json.get("x_refresh_token_expires_in"));
        Duration hardLife = QuickBooksTokenFields.seconds(json.get("x_refresh_token_hard_expires_in"));
        Instant refreshExpiry = refreshLife == null ? null : now.plus(refreshLife);
        Instant hardExpiry = hardLife == null ? used.hardExpiresAt() : now.plus(hardLife);
        String persistError =
                chain.advance(used, rotated.isEmpty() ? used.token() : Secret.of(rotated), refreshExpiry, hardExpiry);
        if (persistError != null) {
            LOG.error(
                    "QuickBooks connection {}: rotated refresh token kept in memory only: {}",
                    connectionId,
                    persistError);
        } else {
            LOG.info("QuickBooks connection {}: refresh token rotated and stored (intuit_tid {})", connectionId, tid);
        }
        Duration life = QuickBooksTokenFields.seconds(json.get("expires_in"));
        Cached t = new Cached("Bearer " + json.get("access_token").asText(), validUntil(now, life));
        current = t;
        statuses.update(new AuthStatuses.Status(
                connectionId,
                TYPE,
                AuthStatuses.State.OK,
                now,
                refreshExpiry,
                hardExpiry,
                persistError,
                life == null ? null : now.plus(life)));
        return t;
    }

    private void status(AuthStatuses.State state, String error) {
        QuickBooksRefreshChain.Link link = chain.peek();
        statuses.update(new AuthStatuses.Status(
                connectionId,
                TYPE,
                state,
                statuses.get(connectionId).map(AuthStatuses.Status::lastTokenAt).orElse(null),
                link == null ? null : link.refreshExpiresAt(),
                link == null ? null : link.hardExpiresAt(),
                error));
    }

    /** Expiry minus 60 s (or half the lifetime when shorter); one hour when the server gave none. */
    static Instant validUntil(Instant now, Duration expiresIn) {
        Duration life = expiresIn == null ? Duration.ofHours(1) : expiresIn;
        Duration half = life.dividedBy(2);
        return now.plus(life).minus(EXPIRY_SKEW.compareTo(half) < 0 ? EXPIRY_SKEW : half);
    }

    @Override
    public String toString() {
        return "QuickBooksAuthProvider[" + connectionId + "]";
    }
}
