package io.driftwatch.alert;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which probes have an alert state a passing run could still change (see {@link
 * AlertStateRepository#probesWithLiveState()}). A passing run of any other probe leaves every alert state
 * as it is, so {@link AlertEngine} skips its transaction: at 1,000 runs/s a locking read and a commit per
 * run kept every store connection busy and queued the runs behind them.
 *
 * <p>Exact for this node: updated after each of its own transactions. Probes made live by other nodes
 * sharing the store are added by a re-read at most {@link #REFRESH_NANOS} old, so a probe that moved here
 * from a failed node has at most one passing run skipped before its alert resumes resolving. Entries are
 * removed only by this node's own transactions; a stale entry just costs one transaction. If the store
 * cannot be read, every run takes the transaction.
 */
final class LiveProbes {
    private static final Logger log = LoggerFactory.getLogger(LiveProbes.class);
    static final long REFRESH_NANOS = 5_000_000_000L;

    private final AlertStateRepository states;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private volatile boolean known;
    private volatile long refreshedAt;

    LiveProbes(AlertStateRepository states) {
        this.states = states;
        refresh();
    }

    /** False when a passing run of {@code probeId} cannot change any alert state. */
    boolean mayChange(String probeId) {
        if (System.nanoTime() - refreshedAt > REFRESH_NANOS) refresh();
        return !known || ids.contains(probeId);
    }

    /** After a committed transaction of {@code probeId}: its states as saved (or left unchanged). */
    void update(String probeId, Collection<AlertState> probeStates) {
        if (probeStates.stream().allMatch(LiveProbes::settled)) ids.remove(probeId);
        else ids.add(probeId);
    }

    /** After a failed transaction: take the safe side. */
    void markLive(String probeId) {
        ids.add(probeId);
    }

    static boolean settled(AlertState s) {
        return s.status == AlertStatus.OK && s.notifiedStatus == AlertStatus.OK && !s.flapping;
    }

    private void refresh() {
        refreshedAt = System.nanoTime();
        try {
            ids.addAll(states.probesWithLiveState());
            known = true;
        } catch (SQLException e) {
            known = false;
            log.warn("cannot read which probes have open alert state; evaluating every run: {}", e.getMessage());
        }
    }
}
