package io.driftwatch.reconcile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Bounded in-memory {@link PushStore}: the least recently used entries go first. Thread-safe. */
public final class InMemoryPushStore implements PushStore {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, StoredPush> entries;

    public InMemoryPushStore(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredPush> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Optional<StoredPush> find(String check, String idempotencyId) {
        return Optional.ofNullable(entries.get(key(check, idempotencyId)));
    }

    @Override
    public synchronized Optional<StoredPush> insertIfAbsent(StoredPush push) {
        return Optional.ofNullable(entries.putIfAbsent(key(push.check(), push.idempotencyId()), push));
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(p -> p.result().receivedAt().isBefore(cutoff));
        return before - entries.size();
    }

    private static String key(String check, String id) {
        return check + '\u0000' + id;
    }
}
