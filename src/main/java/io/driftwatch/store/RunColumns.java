package io.driftwatch.store;

import io.driftwatch.finding.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The run columns shared by {@code probe_run} and {@code probe_latest}, in one order used by every
 * statement: {@link #bind} sets parameters 1..13 in this order and {@link #read} reads them back.
 */
final class RunColumns {
    static final String NAMES = "probe_id, connection_id, scheduled_at, started_at, outcome, failure_kind,"
            + " http_status, time_to_headers_us, total_us, body_bytes, attempts, certificate_days_left,"
            + " findings_json";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private RunColumns() {}

    static void bind(PreparedStatement ps, PendingRun pending) throws SQLException {
        StoredRun run = pending.run();
        ps.setString(1, run.probeId());
        ps.setString(2, run.connection());
        ps.setObject(3, utc(run.scheduledAt()));
        ps.setObject(4, utc(run.startedAt()));
        ps.setString(5, run.outcome().name());
        ps.setString(6, run.failureKind());
        setInt(ps, 7, run.httpStatus());
        setMicros(ps, 8, run.timeToHeaders());
        setMicros(ps, 9, run.total());
        ps.setLong(10, run.bodyBytes());
        ps.setInt(11, run.attempts());
        setInt(ps, 12, run.certificateDaysLeft());
        ps.setString(13, pending.findingsJson());
    }

    /** Reads the 13 columns starting at the result set's first column. */
    static StoredRun read(ResultSet rs) throws SQLException {
        return new StoredRun(
                rs.getString(1),
                rs.getString(2),
                instant(rs, 3),
                instant(rs, 4),
                Outcome.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getObject(7, Integer.class),
                micros(rs, 8),
                micros(rs, 9),
                rs.getLong(10),
                rs.getInt(11),
                rs.getObject(12, Integer.class),
                FindingsJson.decode(rs.getString(13)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) ps.setNull(index, Types.INTEGER);
        else ps.setInt(index, value);
    }

    private static void setMicros(PreparedStatement ps, int index, Duration value) throws SQLException {
        if (value == null) ps.setNull(index, Types.BIGINT);
        else ps.setLong(index, value.toNanos() / 1_000);
    }

    private static Duration micros(ResultSet rs, int column) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofNanos(micros * 1_000);
    }
}
