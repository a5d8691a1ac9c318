package io.driftwatch.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the contract interfaces need from {@link StoreFixture}: an open, empty store per test. */
interface StoreAccess {
    Database db();

    RunStore store();

    Dialect expectedDialect();

    /** Closes the database and opens it again at the same URL (a daemon restart). */
    void reopen();

    long count(String table) throws SQLException;

    /** What the store keeps of an instant. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
