package io.driftwatch.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Classifies JDBC failures for retry decisions. */
final class SqlErrors {
    // 40001 serialization failure, 40P01 deadlock (PostgreSQL), 57P01 admin shutdown (server restart).
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01");

    private SqlErrors() {}

    /**
     * True for failures worth retrying unchanged: lost or refused connections (SQL state class 08),
     * pool or lock timeouts, deadlocks and serialization failures, a server shutting down.
     */
    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) return true;
            }
        }
        return false;
    }
}
