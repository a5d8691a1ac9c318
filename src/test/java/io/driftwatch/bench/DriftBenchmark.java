package io.driftwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.Sample;
import io.driftwatch.drift.CompiledBaseline;
import io.driftwatch.drift.DriftDetector;
import io.driftwatch.drift.DriftFixtures;
import io.driftwatch.drift.DriftReport;
import io.driftwatch.drift.DriftSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Schema drift detection on a QuickBooks query page of 700 and 1,000 invoices (1.0 and 1.4 MB of JSON): validation
 * with networknt plus the shape diff, as the schema-drift check runs it on every probe run. Target:
 * under 10 ms. Parsing is measured separately (the runner parses the body once for all checks).
 *
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.openjdk.jmh.Main DriftBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DriftBenchmark {
    private final DriftDetector detector = new DriftDetector();
    private final DriftDetector whenNeeded = new DriftDetector(DriftDetector.Validation.WHEN_NEEDED);
    private final DriftSettings settings = new DriftSettings(2, false, java.util.Map.of(), java.util.Set.of());
    private CompiledBaseline baseline;
    private Sample conforming;
    private Sample drifted;
    private byte[] bytes;

    /** Invoices on the page: 700 make about 1.0 MB of compact JSON, 1,000 about 1.4 MB. */
    @Param({"700", "1000"})
    public int invoices;

    @Setup
    public void setUp() throws Exception {
        baseline = DriftFixtures.compiled(
                DriftFixtures.baseline("qbo-invoice-query", InferenceOptions.DEFAULT, DriftFixtures.qboQueryPage(100)));
        ObjectNode page = DriftFixtures.qboQueryPage(invoices);
        bytes = DriftFixtures.JSON.writeValueAsBytes(page);
        conforming = DriftFixtures.sample(DriftFixtures.JSON.readTree(bytes));
        ObjectNode bad = (ObjectNode) DriftFixtures.JSON.readTree(bytes);
        ArrayNode list = (ArrayNode) bad.get("QueryResponse").get("Invoice");
        for (int i = 0; i < invoices; i += 100) ((ObjectNode) list.get(i)).remove("DocNumber");
        for (int i = 5; i < invoices; i += 50) ((ObjectNode) list.get(i)).put("TotalAmt", "362.07");
        ((ObjectNode) list.get(3)).put("HomeTotalAmt", 1);
        drifted = DriftFixtures.sample(bad);
        if (!detector.detect(baseline, conforming, settings).isEmpty()
                || detector.detect(baseline, drifted, settings).changes().size() != 3) {
            throw new IllegalStateException("benchmark fixtures do not behave as expected");
        }
        System.out.printf("%npage: %d invoices, %d bytes%n", list.size(), bytes.length);
    }

    /** Validate + diff a conforming 1 MB page (the common case: no drift). */
    @Benchmark
    public DriftReport detectConformingPage() {
        return detector.detect(baseline, conforming, settings);
    }

    /** Validate + diff a page with drift in 30 invoices (validator errors collected and grouped). */
    @Benchmark
    public DriftReport detectDriftedPage() {
        return detector.detect(baseline, drifted, settings);
    }

    /** As {@link #detectConformingPage()} with {@code Validation.WHEN_NEEDED}: shape diff only. */
    @Benchmark
    public DriftReport detectConformingPageValidateWhenNeeded() {
        return whenNeeded.detect(baseline, conforming, settings);
    }

    /** For scale: parsing the same page with Jackson (done once per run by the runner, not by this check). */
    @Benchmark
    public JsonNode parsePage() throws Exception {
        return DriftFixtures.JSON.readTree(bytes);
    }
}
