package io.driftwatch.store;

import java.sql.SQLException;

/** A step of JDBC work that may throw {@link SQLException}; see {@link Database#inTransaction}. */
@FunctionalInterface
public interface SqlFunction<A, R> {
    R apply(A input) throws SQLException;
}
