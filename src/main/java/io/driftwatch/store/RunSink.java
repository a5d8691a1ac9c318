package io.driftwatch.store;

import java.sql.SQLException;
import java.util.List;

/** Where {@link RunWriter} sends batches: {@code RunStore::write} in production, a recording fake in tests. */
interface RunSink {
    /** Writes every run or none (one transaction). */
    void write(List<PendingRun> runs) throws SQLException;
}
