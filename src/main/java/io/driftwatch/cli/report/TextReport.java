package io.driftwatch.cli.report;

import io.driftwatch.finding.Finding;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.checks.Durations;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** One line per probe for people and CI logs: outcome, id, time, first failing finding. */
public final class TextReport {
    private TextReport() {}

    public static void write(PrintWriter out, List<ProbeResult> results, UnaryOperator<String> redact) {
        int width = results.stream().mapToInt(r -> r.probeId().length()).max().orElse(10);
        int pass = 0, degraded = 0, fail = 0;
        for (ProbeResult r : results) {
            switch (r.outcome()) {
                case PASS -> pass++;
                case DEGRADED -> degraded++;
                case FAIL -> fail++;
            }
            String ms =
                    r.exchange() == null ? "-" : Durations.millis(r.exchange().totalNanos()) + " ms";
            Finding first = r.firstProblem();
            String detail = first == null ? "" : "  " + first.kind() + ": " + redact.apply(first.message());
            out.println(String.format(
                    Locale.ROOT, "%-8s %-" + width + "s %10s%s", r.outcome().name(), r.probeId(), ms, detail));
        }
        out.println();
        out.println("probes: " + pass + " pass, " + degraded + " degraded, " + fail + " fail");
        out.flush();
    }
}
