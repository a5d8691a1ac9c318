package io.driftwatch.store;

import io.driftwatch.probe.ProbeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Probe run history over JDBC ({@code probe_run}, plus {@code probe_latest} for the newest run of
 * each probe). Thread-safe; every method takes a pooled connection for its own duration. For the
 * probe path prefer {@link RunWriter}, which batches saves on one background thread.
 */
public final class RunStore {
    static final String INSERT_RUN =
            "INSERT INTO probe_run (" + RunColumns.NAMES + ") VALUES (" + RunColumns.PLACEHOLDERS + ")";
    private static final String SELECT_LATEST = "SELECT " + RunColumns.NAMES + " FROM probe_latest";
    private static final String SELECT_HISTORY = "SELECT " + RunColumns.NAMES
            + " FROM probe_run WHERE probe_id = ? ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
    private static final String DELETE_OLD_LATEST = "DELETE FROM probe_latest WHERE started_at < ?";
    private static final String SELECT_PROBE_IDS = "SELECT probe_id FROM probe_latest ORDER BY probe_id";
    // The newest run past the cap: it and everything older go.
    private static final String SELECT_CAP_CUTOFF = "SELECT started_at, id FROM probe_run WHERE probe_id = ?"
            + " ORDER BY started_at DESC, id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY";

    /** Rows removed per DELETE statement (each its own transaction), so retention never holds long locks. */
    static final int DELETE_BATCH = 5_000;

    private final Database database;
    private final int deleteBatch;

    public RunStore(Database database) {
        this(database, DELETE_BATCH);
    }

    RunStore(Database database, int deleteBatch) {
        this.database = database;
        this.deleteBatch = deleteBatch;
    }

    /** Saves one run (one transaction: the history row and the probe's latest row). */
    public void save(ProbeResult result) {
        saveAll(List.of(result));
    }

    /** Saves runs in one transaction, with one batched statement per table. */
    public void saveAll(List<ProbeResult> results) {
        List<PendingRun> pending = new ArrayList<>(results.size());
        for (ProbeResult r : results) pending.add(PendingRun.of(StoredRun.from(r)));
        try {
            write(pending);
        } catch (SQLException e) {
            throw new StoreException("cannot save " + results.size() + " probe runs: " + e.getMessage(), e);
        }
    }

    /**
     * Writes runs in one transaction: a batched insert into history of the runs marked {@link
     * PendingRun#history()}, then the latest-row upserts of the newest run per probe among those marked
     * {@link PendingRun#latest()}.
     */
    void write(List<PendingRun> runs) throws SQLException {
        if (runs.isEmpty()) return;
        List<PendingRun> latest =
                new ArrayList<>(PendingRun.newestPerProbe(runs).values());
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (runs.stream().anyMatch(PendingRun::history)) {
                    try (PreparedStatement insert = c.prepareStatement(INSERT_RUN)) {
                        for (PendingRun run : runs) {
                            if (!run.history()) continue;
                            RunColumns.bind(insert, run);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                if (!latest.isEmpty()) {
                    try (PreparedStatement upsert =
                            c.prepareStatement(database.dialect().upsertLatestSql())) {
                        for (PendingRun run : latest) {
                            RunColumns.bind(upsert, run);
                            upsert.addBatch();
                        }
                        upsert.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The newest run of a probe, or empty when it has none (never ran, or all pruned). */
    public Optional<StoredRun> latest(String probeId) {
        return query(SELECT_LATEST + " WHERE probe_id = ?", ps -> ps.setString(1, probeId)).stream()
                .findFirst();
    }

    /** The newest run of every probe that has one, by probe id in ascending order. One query. */
    public Map<String, StoredRun> latestAll() {
        Map<String, StoredRun> byProbe = new LinkedHashMap<>();
        for (StoredRun run : query(SELECT_LATEST + " ORDER BY probe_id", ps -> {})) byProbe.put(run.probeId(), run);
        return byProbe;
    }

    /** Up to {@code limit} runs of a probe, newest (by start time) first. */
    public List<StoredRun> history(String probeId, int limit) {
        if (limit < 1) throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
        return query(SELECT_HISTORY, ps -> {
            ps.setString(1, probeId);
            ps.setInt(2, limit);
        });
    }

    /**
     * Deletes every run that started before {@code olderThan}, {@value #DELETE_BATCH} rows per
     * statement, and the latest row of probes with no newer run. Returns the history rows deleted.
     */
    public int prune(Instant olderThan) {
        // Microseconds, as stored: drivers would otherwise round the nanoseconds each their own way.
        OffsetDateTime cutoff = olderThan.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        int deleted = 0;
        int batch;
        do {
            batch = update(database.dialect().deleteRunsBeforeSql(), ps -> {
                ps.setObject(1, cutoff);
                ps.setInt(2, deleteBatch);
            });
            deleted += batch;
        } while (batch == deleteBatch);
        update(DELETE_OLD_LATEST, ps -> ps.setObject(1, cutoff));
        return deleted;
    }

    /**
     * Keeps the newest {@code maxRunsPerProbe} runs of each probe and deletes the rest; one index
     * range read per probe, so run it periodically, not per save. Returns the rows deleted.
     */
    public int pruneBeyond(int maxRunsPerProbe) {
        if (maxRunsPerProbe < 1) {
            throw new IllegalArgumentException("runs kept per probe must be at least 1, got " + maxRunsPerProbe);
        }
        List<String> probeIds = new ArrayList<>();
        withStatement(SELECT_PROBE_IDS, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) probeIds.add(rs.getString(1));
            }
            return null;
        });
        int deleted = 0;
        for (String probeId : probeIds) deleted += pruneBeyond(probeId, maxRunsPerProbe);
        return deleted;
    }

    private int pruneBeyond(String probeId, int keep) {
        Cutoff cutoff = withStatement(SELECT_CAP_CUTOFF, ps -> {
            ps.setString(1, probeId);
            ps.setInt(2, keep);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Cutoff(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)) : null;
            }
        });
        if (cutoff == null) return 0;
        int deleted = 0;
        int batch;
        do {
            batch = update(database.dialect().deleteRunsUpToSql(), ps -> {
                ps.setString(1, probeId);
                ps.setObject(2, cutoff.startedAt());
                ps.setObject(3, cutoff.startedAt());
                ps.setLong(4, cutoff.id());
                ps.setInt(5, deleteBatch);
            });
            deleted += batch;
        } while (batch == deleteBatch);
        return deleted;
    }

    /** The newest run beyond a probe's cap: it and every older run of the probe are deleted. */
    private record Cutoff(OffsetDateTime startedAt, long id) {}

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<StoredRun> query(String sql, Binder binder) {
        return withStatement(sql, ps -> {
            binder.bind(ps);
            List<StoredRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) runs.add(RunColumns.read(rs));
            }
            return runs;
        });
    }

    private int update(String sql, Binder binder) {
        return withStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    private <T> T withStatement(String sql, SqlFunction<PreparedStatement, T> work) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            return work.apply(ps);
        } catch (SQLException e) {
            throw new StoreException("store query failed: " + e.getMessage(), e);
        }
    }
}
