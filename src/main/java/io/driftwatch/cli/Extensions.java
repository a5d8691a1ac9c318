package io.driftwatch.cli;

import io.driftwatch.http.AuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.CheckFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit list of capabilities beyond the core (schema drift, totals, vendors). One place to see
 * what a run is made of.
 */
final class Extensions {
    private Extensions() {}

    static Engine engine(Settings settings, Clock clock, DriftwatchMetrics metrics, AuditLog audit) {
        List<CheckFactory> checks = new ArrayList<>();
        return new Engine(settings, clock, metrics, audit, checks);
    }
}
