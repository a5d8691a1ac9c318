package io.driftwatch.store;

import io.driftwatch.config.Secret;
import io.driftwatch.vendor.TokenStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link TokenStore} on the {@code vendor_token} table (migration V10): a plain INSERT for the first
 * save and a version-guarded UPDATE after, both single statements, so a save is atomic on H2 and
 * PostgreSQL alike and two nodes racing on one connection see exactly one winner. Errors name the
 * connection and the SQL state, never a token.
 */
public final class JdbcTokenStore implements TokenStore {
    private static final String SELECT = "SELECT refresh_token, seed_fingerprint, refresh_expires_at, hard_expires_at,"
            + " updated_at, row_version FROM vendor_token WHERE connection_id = ?";
    private static final String INSERT = "INSERT INTO vendor_token (connection_id, refresh_token, seed_fingerprint,"
            + " refresh_expires_at, hard_expires_at, updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, 1)";
    private static final String UPDATE = "UPDATE vendor_token SET refresh_token = ?, seed_fingerprint = ?,"
            + " refresh_expires_at = ?, hard_expires_at = ?, updated_at = ?, row_version = row_version + 1"
            + " WHERE connection_id = ? AND row_version = ?";
    /** SQLSTATE for a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";

    private final Supplier<Database> database;

    public JdbcTokenStore(Database database) {
        this(() -> database);
    }

    /**
     * @param database the store, asked for at each load and save: the daemon wires its engine while the
     *     store is still opening, and a token is only needed once probes run
     */
    public JdbcTokenStore(Supplier<Database> database) {
        this.database = database;
    }

    @Override
    public Optional<Stored> load(String connectionId) throws TokenStoreException {
        try (Connection c = database.get().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, connectionId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(new Stored(
                        Secret.of(r.getString(1)),
                        r.getString(2),
                        instant(r, 3),
                        instant(r, 4),
                        instant(r, 5),
                        r.getLong(6)));
            }
        } catch (SQLException e) {
            throw failure("read", connectionId, e);
        }
    }

    @Override
    public boolean save(String connectionId, long expectedVersion, Stored next) throws TokenStoreException {
        try (Connection c = database.get().dataSource().getConnection()) {
            if (expectedVersion == 0) {
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    s.setString(1, connectionId);
                    s.setString(2, next.refreshToken().reveal());
                    s.setString(3, next.seedFingerprint());
                    setTime(s, 4, next.refreshExpiresAt());
                    setTime(s, 5, next.hardExpiresAt());
                    setTime(s, 6, next.updatedAt());
                    return s.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (DUPLICATE_KEY.equals(e.getSQLState())) return false;
                    throw e;
                }
            }
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                s.setString(1, next.refreshToken().reveal());
                s.setString(2, next.seedFingerprint());
                setTime(s, 3, next.refreshExpiresAt());
                setTime(s, 4, next.hardExpiresAt());
                setTime(s, 5, next.updatedAt());
                s.setString(6, connectionId);
                s.setLong(7, expectedVersion);
                return s.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw failure("write", connectionId, e);
        }
    }

    private static TokenStoreException failure(String what, String connectionId, SQLException e) {
        return new TokenStoreException(
                "cannot " + what + " the stored token of connection '" + connectionId + "' (SQL state "
                        + e.getSQLState() + ", " + e.getClass().getSimpleName() + ")",
                e);
    }

    private static void setTime(PreparedStatement s, int index, Instant i) throws SQLException {
        if (i == null) s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        else s.setObject(index, i.atOffset(ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
