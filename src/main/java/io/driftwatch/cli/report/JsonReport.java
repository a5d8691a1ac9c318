package io.driftwatch.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.ResultJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code check --json}: {@code {"passed":n,"failed":n,"degraded":n,"results":[...]}} on stdout. */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static void write(PrintWriter out, List<ProbeResult> results, UnaryOperator<String> redact) {
        var root = MAPPER.createObjectNode();
        root.put(
                "passed",
                results.stream()
                        .filter(r -> r.outcome() == io.driftwatch.finding.Outcome.PASS)
                        .count());
        root.put(
                "failed",
                results.stream()
                        .filter(r -> r.outcome() == io.driftwatch.finding.Outcome.FAIL)
                        .count());
        root.put(
                "degraded",
                results.stream()
                        .filter(r -> r.outcome() == io.driftwatch.finding.Outcome.DEGRADED)
                        .count());
        var arr = root.putArray("results");
        results.forEach(r -> arr.add(ResultJson.toJson(r, redact)));
        out.println(root.toPrettyString());
        out.flush();
    }
}
