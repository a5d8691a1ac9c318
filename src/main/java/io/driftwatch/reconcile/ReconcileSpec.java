package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.AlertSpec;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.ReconcileDefinition;
import io.driftwatch.config.ReconcileSide;
import io.driftwatch.config.Schedule;
import io.driftwatch.config.SourceLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reconcile probe: the records of {@code source} joined by key with those of {@code target}, amounts
 * compared within {@code tolerance}. Built from a {@code kind: reconcile} probe ({@link #of}); immutable.
 *
 * @param tolerance null means 0.01
 * @param schedule when it runs as a probe; null when it is only used by the push endpoint
 */
public record ReconcileSpec(
        String id,
        String description,
        Schedule schedule,
        ReconcileSide source,
        ReconcileSide target,
        BigDecimal tolerance,
        AlertSpec alert,
        Map<String, String> labels,
        SourceLocation location) {

    public ReconcileSpec {
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        alert = alert == null ? AlertSpec.DEFAULT : alert;
    }

    /** The spec of a {@code kind: reconcile} probe (the config loader has validated it). */
    public static ReconcileSpec of(ProbeDefinition probe) {
        ReconcileDefinition r = probe.reconcile();
        if (r == null) throw new IllegalArgumentException("probe " + probe.id() + " is not a reconcile probe");
        return new ReconcileSpec(
                probe.id(),
                probe.description(),
                probe.schedule(),
                r.source(),
                r.target(),
                r.tolerance(),
                probe.alert(),
                probe.labels(),
                probe.source());
    }

    /**
     * Reconciles fetched payloads: each list holds one side's pages in order (one element when not
     * paginated); records are selected from every page and concatenated.
     */
    public ReconcileReport reconcile(List<JsonNode> sourcePages, List<JsonNode> targetPages) {
        return reconcileRecords(records(source, sourcePages), records(target, targetPages));
    }

    /** Reconciles records already selected (a pushed collection is its records). */
    public ReconcileReport reconcileRecords(List<JsonNode> sourceRecords, List<JsonNode> targetRecords) {
        return new Reconciler(tolerance)
                .reconcile(
                        Side.of(source.nameOr("source"), sourceRecords, Sides.paths(source)),
                        Side.of(target.nameOr("target"), targetRecords, Sides.paths(target)));
    }

    private static List<JsonNode> records(ReconcileSide side, List<JsonNode> pages) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode page : pages) out.addAll(Sides.select(side, page));
        return out;
    }
}
