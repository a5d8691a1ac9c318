package io.driftwatch.http;

/**
 * The audit trail: every outgoing call, one record per probe run. Implementations are thread-safe and
 * must not throw (a broken audit sink must not fail probes). See {@link LogbackAuditLog}.
 */
@FunctionalInterface
public interface AuditLog {

    void record(AuditRecord record);

    /** Discards records (tools that make no audited calls, e.g. {@code validate}). */
    AuditLog NONE = record -> {};
}
