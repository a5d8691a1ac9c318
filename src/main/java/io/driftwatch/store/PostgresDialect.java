package io.driftwatch.store;

/** PostgreSQL 15+, for when one machine is not enough. */
public final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    // ON CONFLICT is atomic against concurrent inserts of the same key, which MERGE is not.
    private static final String UPSERT_LATEST = """
            INSERT INTO probe_latest (%s) VALUES (%s)
            ON CONFLICT (probe_id) DO UPDATE SET
                connection_id = EXCLUDED.connection_id, scheduled_at = EXCLUDED.scheduled_at,
                started_at = EXCLUDED.started_at, outcome = EXCLUDED.outcome,
                failure_kind = EXCLUDED.failure_kind, http_status = EXCLUDED.http_status,
                time_to_headers_us = EXCLUDED.time_to_headers_us, total_us = EXCLUDED.total_us,
                body_bytes = EXCLUDED.body_bytes, attempts = EXCLUDED.attempts,
                certificate_days_left = EXCLUDED.certificate_days_left,
                findings_json = EXCLUDED.findings_json
            WHERE probe_latest.started_at <= EXCLUDED.started_at
            """.formatted(RunColumns.NAMES, RunColumns.PLACEHOLDERS);

    // PostgreSQL's DELETE has no LIMIT; the planner turns IN (subquery ... LIMIT) into a semi-join.
    private static final String DELETE_RUNS_BEFORE =
            "DELETE FROM probe_run WHERE id IN" + " (SELECT id FROM probe_run WHERE started_at < ? LIMIT ?)";
    private static final String DELETE_RUNS_UP_TO = "DELETE FROM probe_run WHERE id IN (SELECT id FROM probe_run"
            + " WHERE probe_id = ? AND (started_at < ? OR (started_at = ? AND id <= ?)) LIMIT ?)";

    private PostgresDialect() {}

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public int defaultPoolSize() {
        return 10;
    }

    @Override
    public String upsertLatestSql() {
        return UPSERT_LATEST;
    }

    @Override
    public String deleteRunsBeforeSql() {
        return DELETE_RUNS_BEFORE;
    }

    @Override
    public String deleteRunsUpToSql() {
        return DELETE_RUNS_UP_TO;
    }

    @Override
    public String toString() {
        return name();
    }
}
