package io.driftwatch.cli;

import io.driftwatch.http.Exchange;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.store.StoredRun;
import java.util.List;
import java.util.Map;

/** Rebuilds a displayable result from a stored run (no body or headers: the store does not keep them). */
final class StoredRuns {
    private StoredRuns() {}

    static ProbeResult toResult(StoredRun r) {
        Exchange exchange = r.total() == null
                ? null
                : new Exchange(
                        r.startedAt(),
                        "",
                        "",
                        r.httpStatus() == null ? 0 : r.httpStatus(),
                        Map.of(),
                        new byte[0],
                        r.bodyBytes(),
                        r.timeToHeaders().toNanos(),
                        r.total().toNanos(),
                        r.attempts(),
                        null,
                        r.certificateDaysLeft(),
                        null);
        List<String> checks =
                r.findings().stream().map(f -> f.check()).distinct().toList();
        return new ProbeResult(
                r.probeId(),
                r.connection(),
                r.scheduledAt(),
                r.startedAt(),
                r.outcome(),
                r.failureKind(),
                exchange,
                checks,
                r.findings());
    }
}
