package io.driftwatch.http;

/**
 * Applies one connection's credentials to outgoing requests. One instance per connection, shared by all
 * of its probes and thread-safe. Implementations that fetch tokens cache them and refresh single-flight.
 * Called on a virtual thread, so blocking on a token request is allowed.
 */
public interface AuthProvider {

    /** The request with credentials added. Throws {@link AuthException} when none can be obtained. */
    OutgoingRequest authorize(OutgoingRequest request) throws AuthException;

    /**
     * Called once when a response says the credentials were rejected (401). Return true when fresh
     * credentials were obtained and the request should be retried once; the executor never retries
     * twice for auth.
     */
    default boolean onUnauthorized(Exchange rejected) {
        return false;
    }

    AuthProvider NONE = request -> request;
}
