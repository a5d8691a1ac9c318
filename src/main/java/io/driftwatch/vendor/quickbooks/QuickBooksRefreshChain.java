package io.driftwatch.vendor.quickbooks;

import io.driftwatch.config.Secret;
import io.driftwatch.vendor.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which refresh token a QuickBooks connection uses next, and persisting each rotation. Not thread-safe:
 * the provider calls it under its lock.
 *
 * <p>Order of preference: a rotated token this process could not save yet; the stored token, when it
 * descends from the configured one (same seed fingerprint); otherwise the configured token (a first run,
 * or the user reconnected and configured a new one, which then replaces the stored chain).
 */
final class QuickBooksRefreshChain {
    private static final Logger LOG = LoggerFactory.getLogger(QuickBooksRefreshChain.class);
    private static final int SAVE_ATTEMPTS = 3;

    /**
     * A refresh token and the store version it was read at (or would overwrite).
     *
     * @param version the stored row's version; the next save expects it
     */
    record Link(Secret token, long version, Instant refreshExpiresAt, Instant hardExpiresAt) {
        @Override
        public String toString() {
            return "Link[****, version=" + version + "]";
        }
    }

    private final String connectionId;
    private final TokenStore store;
    private final Secret seed;
    private final String seedFingerprint;
    private final Clock clock;
    private Link memory;
    private boolean unsaved;

    QuickBooksRefreshChain(String connectionId, TokenStore store, Secret seed, Clock clock) {
        this.connectionId = connectionId;
        this.store = store;
        this.seed = seed;
        this.seedFingerprint = seed == null ? null : fingerprint(seed);
        this.clock = clock;
    }

    /** The token to refresh with now, or null when none is configured or stored. */
    Link current() {
        if (unsaved && memory != null) return memory;
        Optional<TokenStore.Stored> stored;
        try {
            stored = store.load(connectionId);
        } catch (TokenStore.TokenStoreException e) {
            LOG.warn(
                    "QuickBooks connection {}: token store unreadable, using the last known token: {}",
                    connectionId,
                    e.getMessage());
            return memory != null ? memory : seedLink(-1);
        }
        if (stored.isPresent() && sameChain(stored.get())) {
            memory = link(stored.get());
            return memory;
        }
        return seedLink(stored.map(TokenStore.Stored::version).orElse(0L));
    }

    /** The last token read or written, without touching the store. */
    Link peek() {
        return memory;
    }

    /** True when the store now holds a different token of this chain than {@code used} (another process rotated). */
    boolean newerThan(Link used) {
        try {
            Optional<TokenStore.Stored> stored = store.load(connectionId);
            return stored.isPresent()
                    && sameChain(stored.get())
                    && stored.get().version() > used.version()
                    && !stored.get().refreshToken().equals(used.token());
        } catch (TokenStore.TokenStoreException e) {
            return false;
        }
    }

    /**
     * Records that {@code used} was exchanged for {@code next}: saves it (compare-and-set, re-reading the
     * version when another writer moved it) and remembers it. Returns null when saved, else why not (the
     * token is then kept in memory and used first, and saving is retried on the next rotation).
     */
    String advance(Link used, Secret next, Instant refreshExpiresAt, Instant hardExpiresAt) {
        long expected = Math.max(0, used.version());
        String problem = null;
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            var row = new TokenStore.Stored(
                    next, seedFingerprint, refreshExpiresAt, hardExpiresAt, clock.instant(), expected + 1);
            try {
                if (store.save(connectionId, expected, row)) {
                    memory = new Link(next, expected + 1, refreshExpiresAt, hardExpiresAt);
                    unsaved = false;
                    return null;
                }
                // Another writer saved meanwhile. This token came from the newest exchange, so it wins.
                expected =
                        store.load(connectionId).map(TokenStore.Stored::version).orElse(0L);
                problem = "another writer kept changing the stored token";
            } catch (TokenStore.TokenStoreException e) {
                problem = e.getMessage();
                break;
            }
        }
        memory = new Link(next, expected, refreshExpiresAt, hardExpiresAt);
        unsaved = true;
        return problem;
    }

    private boolean sameChain(TokenStore.Stored stored) {
        return seedFingerprint == null || seedFingerprint.equals(stored.seedFingerprint());
    }

    private Link seedLink(long version) {
        if (seed == null) return null;
        return new Link(seed, version, null, null);
    }

    private static Link link(TokenStore.Stored s) {
        return new Link(s.refreshToken(), s.version(), s.refreshExpiresAt(), s.hardExpiresAt());
    }

    /** SHA-256 hex of a token: identifies the chain without storing the configured token itself. */
    static String fingerprint(Secret token) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(token.reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
