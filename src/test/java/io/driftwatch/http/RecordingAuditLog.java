package io.driftwatch.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit records in memory for assertions. */
final class RecordingAuditLog implements AuditLog {
    final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditRecord record) {
        records.add(record);
    }

    AuditRecord only() {
        if (records.size() != 1) throw new AssertionError("expected one audit record, got " + records);
        return records.get(0);
    }
}
