package io.driftwatch.probe;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.ReconcileSide;
import io.driftwatch.http.Exchange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The exchange a {@code kind: reconcile} run reports, standing for all of its calls. */
final class CallSummary {
    private CallSummary() {}

    /**
     * One exchange standing for every call of the run, so the run is stored, timed and judged like a
     * probe's: the first failing call when a side could not be read; else the first call's method and URL
     * (with how many more followed), the sum of body bytes, attempts and times. A run of file sides only
     * gets a call-less summary (status 0, no failure) so that alerts still see that it ran.
     */
    static Exchange of(List<Exchange> exchanges, ProbeDefinition probe, Clock clock) {
        for (Exchange e : exchanges) if (e.failure() != null) return e;
        if (exchanges.isEmpty()) {
            return new Exchange(
                    clock.instant(),
                    "READ",
                    "file:" + files(probe),
                    0,
                    Map.of(),
                    new byte[0],
                    0,
                    0,
                    0,
                    0,
                    null,
                    null,
                    null);
        }
        Exchange first = exchanges.get(0);
        Exchange last = exchanges.get(exchanges.size() - 1);
        long bytes = 0;
        long total = 0;
        int attempts = 0;
        Integer certificate = null;
        for (Exchange e : exchanges) {
            bytes += e.bodyBytes();
            total += e.totalNanos();
            attempts += e.attempts();
            if (e.certificateDaysLeft() != null)
                certificate =
                        certificate == null ? e.certificateDaysLeft() : Math.min(certificate, e.certificateDaysLeft());
        }
        String url = first.url() + (exchanges.size() > 1 ? " (+" + (exchanges.size() - 1) + " more)" : "");
        return new Exchange(
                first.startedAt(),
                first.method(),
                url,
                last.status(),
                Map.of(),
                new byte[0],
                bytes,
                first.timeToHeadersNanos(),
                total,
                attempts,
                null,
                certificate,
                null);
    }

    private static String files(ProbeDefinition probe) {
        List<String> names = new ArrayList<>();
        for (ReconcileSide side :
                List.of(probe.reconcile().source(), probe.reconcile().target())) {
            names.add(
                    side.file() == null
                            ? side.nameOr("side")
                            : side.file().getFileName().toString());
        }
        return String.join(", ", names);
    }
}
