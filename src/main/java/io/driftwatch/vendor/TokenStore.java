package io.driftwatch.vendor;

import io.driftwatch.config.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * Where rotating refresh tokens live between runs and restarts (QuickBooks rotates on every refresh;
 * VENDORS.md §1.3). Implementations: {@link FileTokenStore} (embedded, one file per connection) and
 * {@code io.driftwatch.store.JdbcTokenStore} (H2 or PostgreSQL, shared by a cluster).
 *
 * <p>Contract: {@link #save} is atomic and durable when it returns (a crash after it never loses the new
 * token) and is a compare-and-set on {@link Stored#version()}, so two processes refreshing the same
 * connection cannot silently overwrite each other's rotation. Thread-safe.
 */
public interface TokenStore {

    /**
     * One connection's persisted refresh state. {@link #toString()} hides the token.
     *
     * @param refreshToken the newest refresh token
     * @param seedFingerprint SHA-256 (hex) of the configured initial token this chain started from; when
     *     the configuration later holds a different token the user reconnected, and the new one wins
     * @param refreshExpiresAt when the refresh token stops working (rolling), or null when unknown
     * @param hardExpiresAt the absolute end of the authorization (Intuit: 5 years), or null when unknown
     * @param version incremented by every save; 0 for a state that was never saved
     */
    record Stored(
            Secret refreshToken,
            String seedFingerprint,
            Instant refreshExpiresAt,
            Instant hardExpiresAt,
            Instant updatedAt,
            long version) {

        @Override
        public String toString() {
            return "Stored[refreshToken=****, refreshExpiresAt=" + refreshExpiresAt + ", hardExpiresAt=" + hardExpiresAt
                    + ", updatedAt=" + updatedAt + ", version=" + version + "]";
        }
    }

    /** The stored state of {@code connectionId}, or empty when none was ever saved. */
    Optional<Stored> load(String connectionId) throws TokenStoreException;

    /**
     * Replaces the state of {@code connectionId} when its current version is {@code expectedVersion} (0:
     * nothing stored yet), writing {@code next} with version {@code expectedVersion + 1}.
     *
     * @return false when another writer got there first (reload and decide again)
     */
    boolean save(String connectionId, long expectedVersion, Stored next) throws TokenStoreException;

    /** The store could not be read or written; the message names no secret. */
    final class TokenStoreException extends Exception {
        private static final long serialVersionUID = 1L;

        public TokenStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
