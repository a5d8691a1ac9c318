package io.driftwatch.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PushStore} on table {@code reconcile_push} (migration V30), for H2 and PostgreSQL alike: a
 * plain INSERT whose primary-key violation (SQLState 23505 on both) means "already there", so no
 * dialect-specific upsert is needed. Each call runs in its own auto-committed statement.
 */
public final class JdbcPushStore implements PushStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JdbcPushStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<StoredPush> find(String check, String idempotencyId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, check, idempotencyId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading reconcile_push failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredPush> insertIfAbsent(StoredPush push) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // a failed INSERT must not poison a PostgreSQL transaction
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reconcile_push (check_name,"
                            + " idempotency_id, request_sha256, received_at, outcome, result_json) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, push.check());
                insert.setString(2, push.idempotencyId());
                insert.setString(3, push.requestSha256());
                insert.setObject(4, OffsetDateTime.ofInstant(push.result().receivedAt(), ZoneOffset.UTC));
                insert.setString(5, push.result().outcome().name());
                insert.setString(6, PushResultJson.write(push.result()));
                insert.executeUpdate();
                return Optional.empty();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
                return find(c, push.check(), push.idempotencyId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing reconcile_push failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM reconcile_push WHERE received_at < ?")) {
            delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("purging reconcile_push failed: " + e.getMessage(), e);
        }
    }

    private static Optional<StoredPush> find(Connection c, String check, String idempotencyId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT request_sha256, result_json FROM reconcile_push"
                + " WHERE check_name = ? AND idempotency_id = ?")) {
            select.setString(1, check);
            select.setString(2, idempotencyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(
                        new StoredPush(check, idempotencyId, rs.getString(1), PushResultJson.read(rs.getString(2))));
            }
        }
    }
}
