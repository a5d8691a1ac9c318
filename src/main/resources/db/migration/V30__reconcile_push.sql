-- Reconcile pushes (issue 5): accepted POST /api/v1/reconcile/{check} results, remembered by the
-- client's idempotency id so a retry gets the stored result without recomputing. Portable SQL: runs
-- unchanged on H2 2.x and PostgreSQL (see V1 for the shared rules). Rejected pushes are never stored.
-- Rows are removed only by age (JdbcPushStore.purgeBefore).
CREATE TABLE reconcile_push (
    check_name     VARCHAR(200)     NOT NULL,   -- probe or reconcile definition id from the URL
    idempotency_id VARCHAR(200)     NOT NULL,   -- client-supplied, 1-200 printable ASCII characters
    request_sha256 VARCHAR(64)      NOT NULL,   -- hex SHA-256 of the body: same id + other body = 422
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(16)      NOT NULL,   -- PASS, DEGRADED, FAIL
    result_json    VARCHAR(1000000) NOT NULL,   -- PushResult as JSON (findings capped, so small)
    CONSTRAINT reconcile_push_pk PRIMARY KEY (check_name, idempotency_id)
);

-- Retention by age.
CREATE INDEX reconcile_push_received ON reconcile_push (received_at);
