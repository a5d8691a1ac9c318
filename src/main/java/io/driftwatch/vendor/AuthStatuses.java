package io.driftwatch.vendor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auth state of each vendor connection, as its provider last saw it. Holds no secret, so {@code
 * driftwatch connections}, metrics and vendor inspections can show it freely. Thread-safe.
 */
public final class AuthStatuses {

    public enum State {
        /** No token obtained yet. */
        UNKNOWN,
        /** The last token request succeeded. */
        OK,
        /** The last token request failed in a way a later attempt may fix (network, 5xx, store). */
        FAILING,
        /** The authorization is gone (QuickBooks invalid_grant); a person must reconnect the app. */
        LOST
    }

    /**
     * One connection's auth state.
     *
     * @param authType the connection's auth type, e.g. {@code quickbooks-oauth2}
     * @param refreshExpiresAt when the current refresh token expires, or null (no refresh token / unknown)
     * @param hardExpiresAt absolute end of the authorization, or null
     * @param lastError the last failure's message (safe to show), or null
     * @param accessExpiresAt when the cached access token expires by the vendor's {@code expires_in}, or
     *     null (none cached, or the vendor gave no lifetime)
     */
    public record Status(
            String connectionId,
            String authType,
            State state,
            Instant lastTokenAt,
            Instant refreshExpiresAt,
            Instant hardExpiresAt,
            String lastError,
            Instant accessExpiresAt) {

        /** A status with no known access-token lifetime. */
        public Status(
                String connectionId,
                String authType,
                State state,
                Instant lastTokenAt,
                Instant refreshExpiresAt,
                Instant hardExpiresAt,
                String lastError) {
            this(connectionId, authType, state, lastTokenAt, refreshExpiresAt, hardExpiresAt, lastError, null);
        }

        /** The earlier of the rolling and the hard refresh-token expiry, or null. */
        public Instant refreshDeadline() {
            if (refreshExpiresAt == null) return hardExpiresAt;
            if (hardExpiresAt == null) return refreshExpiresAt;
            return refreshExpiresAt.isBefore(hardExpiresAt) ? refreshExpiresAt : hardExpiresAt;
        }
    }

    private final Map<String, Status> statuses = new ConcurrentHashMap<>();

    public void update(Status status) {
        statuses.put(status.connectionId(), status);
    }

    public Optional<Status> get(String connectionId) {
        return Optional.ofNullable(statuses.get(connectionId));
    }

    /** Every known status, in connection id order. */
    public Collection<Status> all() {
        return statuses.values().stream()
                .sorted(java.util.Comparator.comparing(Status::connectionId))
                .toList();
    }

    /** Forgets connections no longer configured. */
    public void retain(Collection<String> connectionIds) {
        statuses.keySet().retainAll(List.copyOf(connectionIds));
    }
}
