package io.driftwatch.config;

import java.util.Map;

/**
 * One probe, as loaded from a file under {@code probes/}, with environment variables substituted.
 *
 * @param connection id of a connection under {@code probes/connections/}
 * @param labels free-form, bounded labels used by alert routes (never metric labels)
 * @param runbook URL included in alerts, or null
 * @param source where the probe's {@code id} key is, for messages
 * @param reconcile for a {@code kind: reconcile} probe its two sides (then connection and request are null);
 *     null for an HTTP probe
 */
public record ProbeDefinition(
        String id,
        String description,
        String connection,
        Schedule schedule,
        RequestSpec request,
        Expectations expect,
        AlertSpec alert,
        Map<String, String> labels,
        String runbook,
        SourceLocation source,
        ReconcileDefinition reconcile) {

    public ProbeDefinition {
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        alert = alert == null ? AlertSpec.DEFAULT : alert;
    }

    /** An HTTP probe. */
    public ProbeDefinition(
            String id,
            String description,
            String connection,
            Schedule schedule,
            RequestSpec request,
            Expectations expect,
            AlertSpec alert,
            Map<String, String> labels,
            String runbook,
            SourceLocation source) {
        this(id, description, connection, schedule, request, expect, alert, labels, runbook, source, null);
    }
}
