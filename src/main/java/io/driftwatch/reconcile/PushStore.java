package io.driftwatch.reconcile;

import java.time.Instant;
import java.util.Optional;

/**
 * Port for remembering accepted pushes by (check, idempotency id). Implementations: {@link
 * InMemoryPushStore} (bounded LRU, lost on restart) and {@link JdbcPushStore} (table
 * {@code reconcile_push}, migration V30). Must be safe for concurrent use.
 */
public interface PushStore {

    Optional<StoredPush> find(String check, String idempotencyId);

    /**
     * Stores {@code push} unless an entry with the same check and id exists.
     *
     * @return empty when stored; else the entry that was already there (it wins a race, so concurrent
     *     retries all answer alike)
     */
    Optional<StoredPush> insertIfAbsent(StoredPush push);

    /** Forgets pushes received before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}
