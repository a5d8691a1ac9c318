package io.driftwatch.vendor.salesforce;

import io.driftwatch.http.AuthException;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.AuthServices;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.vendor.AuthStatuses;
import io.driftwatch.vendor.VendorTokenClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The part of Salesforce's server-to-server flows that JWT bearer and client credentials share
 * (VENDORS.md §2.3): no refresh token and no {@code expires_in}, so a session is kept until a 401; every
 * request is sent to the {@code instance_url} of the token response (path and query kept); a 401 with
 * {@code INVALID_SESSION_ID} mints one new token (single-flight) and the executor retries once. A 401
 * whose body says the session can never work for the REST API is a policy problem: no re-mint.
 */
abstract class SalesforceSessionProvider implements AuthProvider {
    /** 401 bodies that mean "configuration", not "expired" (re-minting would loop). */
    static final String[] POLICY_REJECTIONS = {
        "This session is not valid for use with the REST API", "Connected app is not attached to Agent"
    };

    /** A minted session. {@link #toString()} hides the token. */
    record Session(String headerValue, String instanceRoot) {
        @Override
        public String toString() {
            return "Session[****, " + instanceRoot + "]";
        }
    }

    protected final String connectionId;
    protected final URI tokenUrl;
    private final String authType;
    private final VendorTokenClient client;
    private final AuthStatuses statuses;
    protected final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong generation = new AtomicLong();
    private volatile Session current;
    private AuthException lastFailure; // guarded by lock

    SalesforceSessionProvider(
            String connectionId, String authType, URI loginUrl, AuthServices services, AuthStatuses statuses) {
        this.connectionId = connectionId;
        this.authType = authType;
        this.tokenUrl = URI.create(loginUrl.toString().replaceAll("/+$", "") + "/services/oauth2/token");
        this.client = new VendorTokenClient(services);
        this.statuses = statuses;
        this.clock = services.clock();
        statuses.update(
                new AuthStatuses.Status(connectionId, authType, AuthStatuses.State.UNKNOWN, null, null, null, null));
    }

    /** The token request's form and headers (the grant). */
    abstract Grant grant() throws AuthException;

    record Grant(Map<String, String> form, Map<String, String> headers) {
        @Override
        public String toString() {
            return "Grant[****]";
        }
    }

    @Override
    public OutgoingRequest authorize(OutgoingRequest request) throws AuthException {
        Session s = current;
        if (s == null) s = obtain();
        return request.withHeader("Authorization", s.headerValue()).withUri(rebase(request.uri(), s.instanceRoot()));
    }

    @Override
    public boolean onUnauthorized(Exchange rejected) {
        String body = new String(rejected.body(), StandardCharsets.UTF_8);
        for (String policy : POLICY_REJECTIONS) {
            if (body.contains(policy)) return false;
        }
        long seen = generation.get();
        lock.lock();
        try {
            if (generation.get() != seen && current != null) return true;
            current = null;
            mintLocked();
            return true;
        } catch (AuthException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private Session obtain() throws AuthException {
        long seen = generation.get();
        lock.lock();
        try {
            Session s = current;
            if (s != null) return s;
            AuthException failed = lastFailure;
            if (generation.get() != seen && failed != null)
                throw new AuthException(failed.getMessage(), failed.permanent());
            return mintLocked();
        } finally {
            lock.unlock();
        }
    }

    private Session mintLocked() throws AuthException {
        generation.incrementAndGet();
        try {
            Grant g = grant();
            VendorTokenClient.Response r = client.post(tokenUrl, g.form(), g.headers());
            Session s = session(r);
            current = s;
            lastFailure = null;
            statuses.update(new AuthStatuses.Status(
                    connectionId, authType, AuthStatuses.State.OK, clock.instant(), null, null, null));
            return s;
        } catch (AuthException e) {
            current = null;
            lastFailure = e;
            statuses.update(new AuthStatuses.Status(
                    connectionId, authType, AuthStatuses.State.FAILING, null, null, null, e.getMessage()));
            throw e;
        }
    }

    private Session session(VendorTokenClient.Response r) throws AuthException {
        String where = client.where(tokenUrl);
        if (r.status() != 200 || r.json() == null) {
            String error = r.errorCode();
            if (error == null) throw new AuthException(where + "HTTP " + r.status(), r.status() == 400);
            String description = r.json().path("error_description").asText("");
            String said = description.matches("[A-Za-z0-9 '_.:,-]{1,120}") ? " (" + description + ")" : "";
            throw new AuthException(
                    where + "HTTP " + r.status() + ", error " + error + said, !error.equals("rate_limit_exceeded"));
        }
        String token = r.json().path("access_token").asText("");
        String instance = r.json().path("instance_url").asText("");
        if (token.isEmpty()) throw new AuthException(where + "response has no access_token", false);
        if (!instance.startsWith("http")) throw new AuthException(where + "response has no instance_url", false);
        return new Session("Bearer " + token, instance.replaceAll("/+$", ""));
    }

    /** {@code uri} moved to {@code root} (scheme, host, port), keeping its raw path and query. */
    static URI rebase(URI uri, String root) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(root + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + connectionId + "]";
    }
}
