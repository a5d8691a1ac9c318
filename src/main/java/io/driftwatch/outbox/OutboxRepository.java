package io.driftwatch.outbox;

import io.driftwatch.channel.AlertMessage;
import io.driftwatch.outbox.Notification.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * JDBC access to {@code alert_outbox}. Portable SQL only (H2 and PostgreSQL). {@link #enqueue} joins the
 * caller's transaction so the alert state change and its notifications commit together; every other
 * method runs in its own short transaction.
 */
public final class OutboxRepository {
    static final int MAX_ERROR = 1000;
    private static final String COLUMNS = "id, channel, dedup_key, alert_key, payload, status, attempts, created_at,"
            + " pending_since, next_attempt_at, last_attempt_at, last_error, delivered_at, dead_at";

    private final DataSource dataSource;

    public OutboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Adds a pending notification inside the caller's transaction. */
    public void enqueue(Connection c, String channel, AlertMessage message, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_outbox (channel, dedup_key, alert_key,"
                + " event_type, payload, status, attempts, created_at, pending_since, next_attempt_at)"
                + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, message.dedupKey());
            ps.setString(3, message.alertKey());
            ps.setString(4, message.event().name());
            ps.setString(5, MessageCodec.write(message));
            Jdbc.setInstant(ps, 6, now);
            Jdbc.setInstant(ps, 7, now);
            Jdbc.setInstant(ps, 8, now);
            ps.executeUpdate();
        }
    }

    /** Pending rows in id order (per channel, the dispatcher keeps this order). */
    public List<Notification> pending(int limit) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM alert_outbox WHERE status = 'PENDING' ORDER BY id", limit);
    }

    public List<Notification> dead(int limit) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM alert_outbox WHERE status = 'DEAD' ORDER BY id", limit);
    }

    /** Every row, newest first (tests and diagnostics). */
    public List<Notification> all(int limit) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM alert_outbox ORDER BY id DESC", limit);
    }

    /**
     * Claims a row for one attempt: bumps {@code attempts} and pushes {@code next_attempt_at} out by the
     * lease, only if nobody else did since {@code seen} was read. A dispatcher that dies mid-attempt
     * leaves the row to be retried when the lease ends (at-least-once).
     */
    public boolean claim(Notification seen, Instant now, Duration lease) throws SQLException {
        return update(
                        "UPDATE alert_outbox SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?"
                                + " WHERE id = ? AND status = 'PENDING' AND attempts = ?",
                        ps -> {
                            Jdbc.setInstant(ps, 1, now);
                            Jdbc.setInstant(ps, 2, now.plus(lease));
                            ps.setLong(3, seen.id());
                            ps.setInt(4, seen.attempts());
                        })
                == 1;
    }

    public void markDelivered(long id, Instant now) throws SQLException {
        update("UPDATE alert_outbox SET status = 'DELIVERED', delivered_at = ?, last_error = NULL WHERE id = ?", ps -> {
            Jdbc.setInstant(ps, 1, now);
            ps.setLong(2, id);
        });
    }

    public void markRetry(long id, Instant next, String error) throws SQLException {
        update(
                "UPDATE alert_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'PENDING'",
                ps -> {
                    Jdbc.setInstant(ps, 1, next);
                    ps.setString(2, Jdbc.fit(error, MAX_ERROR));
                    ps.setLong(3, id);
                });
    }

    public void markDead(long id, Instant now, String error) throws SQLException {
        update("UPDATE alert_outbox SET status = 'DEAD', dead_at = ?, last_error = ? WHERE id = ?", ps -> {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, Jdbc.fit(error, MAX_ERROR));
            ps.setLong(3, id);
        });
    }

    /**
     * Moves dead rows back to pending ({@code alerts retry}); all of them when {@code ids} is empty.
     * Attempts restart at zero and the dead-letter clock restarts now.
     */
    public int retryDead(List<Long> ids, Instant now) throws SQLException {
        String where = ids.isEmpty()
                ? ""
                : " AND id IN (" + String.join(",", ids.stream().map(i -> "?").toList()) + ")";
        return update(
                "UPDATE alert_outbox SET status = 'PENDING', attempts = 0, pending_since = ?, next_attempt_at = ?,"
                        + " dead_at = NULL WHERE status = 'DEAD'" + where,
                ps -> {
                    Jdbc.setInstant(ps, 1, now);
                    Jdbc.setInstant(ps, 2, now);
                    for (int i = 0; i < ids.size(); i++) ps.setLong(3 + i, ids.get(i));
                });
    }

    /** Pending count and the creation time of the oldest pending row (for the outbox gauges). */
    public Stats stats() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM alert_outbox WHERE status = 'PENDING'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Stats(rs.getLong("n"), Optional.ofNullable(Jdbc.instant(rs, "oldest")));
        }
    }

    public record Stats(long pending, Optional<Instant> oldestCreatedAt) {}

    private List<Notification> query(String sql, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                var rows = new ArrayList<Notification>();
                while (rs.next()) rows.add(read(rs));
                return rows;
            }
        }
    }

    private static Notification read(ResultSet rs) throws SQLException {
        return new Notification(
                rs.getLong("id"),
                rs.getString("channel"),
                rs.getString("dedup_key"),
                rs.getString("alert_key"),
                MessageCodec.read(rs.getString("payload")),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "pending_since"),
                Jdbc.instant(rs, "next_attempt_at"),
                Jdbc.instant(rs, "last_attempt_at"),
                rs.getString("last_error"),
                Jdbc.instant(rs, "delivered_at"),
                Jdbc.instant(rs, "dead_at"));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int count;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                count = ps.executeUpdate();
            }
            if (!c.getAutoCommit()) c.commit();
            return count;
        }
    }
}
