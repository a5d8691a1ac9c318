package io.driftwatch.store;

/** H2 2.x, the embedded single-process store. */
public final class H2Dialect implements Dialect {
    static final H2Dialect INSTANCE = new H2Dialect();

    // H2 has no INSERT ... ON CONFLICT outside its PostgreSQL mode, and MERGE INTO ... KEY cannot
    // keep the newer row; the standard MERGE with a matched condition can. The CASTs give the
    // parameters their column types, which H2 cannot infer inside USING.
    private static final String UPSERT_LATEST = """
            MERGE INTO probe_latest t
            USING (SELECT CAST(? AS VARCHAR(200)) probe_id, CAST(? AS VARCHAR(200)) connection_id,
                          CAST(? AS TIMESTAMP WITH TIME ZONE) scheduled_at,
                          CAST(? AS TIMESTAMP WITH TIME ZONE) started_at,
                          CAST(? AS VARCHAR(16)) outcome, CAST(? AS VARCHAR(64)) failure_kind,
                          CAST(? AS INTEGER) http_status, CAST(? AS BIGINT) time_to_headers_us,
                          CAST(? AS BIGINT) total_us, CAST(? AS BIGINT) body_bytes,
                          CAST(? AS INTEGER) attempts, CAST(? AS INTEGER) certificate_days_left,
                          CAST(? AS VARCHAR(1000000)) findings_json) s
            ON t.probe_id = s.probe_id
            WHEN MATCHED AND t.started_at <= s.started_at THEN UPDATE SET
                connection_id = s.connection_id, scheduled_at = s.scheduled_at, started_at = s.started_at,
                outcome = s.outcome, failure_kind = s.failure_kind, http_status = s.http_status,
                time_to_headers_us = s.time_to_headers_us, total_us = s.total_us, body_bytes = s.body_bytes,
                attempts = s.attempts, certificate_days_left = s.certificate_days_left,
                findings_json = s.findings_json
            WHEN NOT MATCHED THEN INSERT (%s) VALUES (s.probe_id, s.connection_id, s.scheduled_at,
                s.started_at, s.outcome, s.failure_kind, s.http_status, s.time_to_headers_us, s.total_us,
                s.body_bytes, s.attempts, s.certificate_days_left, s.findings_json)
            """.formatted(RunColumns.NAMES);

    // H2 deletes with FETCH FIRST directly; an IN (subquery) form costs it a scan per batch.
    private static final String DELETE_RUNS_BEFORE =
            "DELETE FROM probe_run WHERE started_at < ? FETCH FIRST ? ROWS ONLY";
    private static final String DELETE_RUNS_UP_TO = "DELETE FROM probe_run WHERE probe_id = ?"
            + " AND (started_at < ? OR (started_at = ? AND id <= ?)) FETCH FIRST ? ROWS ONLY";

    private H2Dialect() {}

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public int defaultPoolSize() {
        // One writer thread plus API readers; H2 serialises commits to one file anyway.
        return 4;
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
