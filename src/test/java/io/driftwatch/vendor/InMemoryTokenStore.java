package io.driftwatch.vendor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TokenStore} in a map, for tests that do not exercise persistence itself. */
class InMemoryTokenStore implements TokenStore {
    final Map<String, Stored> rows = new ConcurrentHashMap<>();

    @Override
    public Optional<Stored> load(String connectionId) {
        return Optional.ofNullable(rows.get(connectionId));
    }

    @Override
    public synchronized boolean save(String connectionId, long expectedVersion, Stored next) {
        long current = rows.containsKey(connectionId) ? rows.get(connectionId).version() : 0;
        if (current != expectedVersion) return false;
        rows.put(
                connectionId,
                new Stored(
                        next.refreshToken(),
                        next.seedFingerprint(),
                        next.refreshExpiresAt(),
                        next.hardExpiresAt(),
                        next.updatedAt(),
                        expectedVersion + 1));
        return true;
    }
}
