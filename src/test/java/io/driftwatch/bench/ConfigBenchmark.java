package io.driftwatch.bench;

import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Probe file parsing: loading a probes/ directory of 1,000 probe files (plus one connection file), as the
 * daemon does at start and on every change under probes/, and one realistic probe file on its own (YAML,
 * schema-shaped mapping, environment substitution, validation). Results: docs/BENCHMARKS.md.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.openjdk.jmh.Main ConfigBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
public class ConfigBenchmark {
    static final int FILES = 1_000;
    private static final Map<String, String> ENV = Map.of("QBO_REALM_ID", "9130350000000000", "TEAM", "billing");

    private final ConfigLoader loader = new ConfigLoader();
    private Path dir;
    private Path oneFile;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("config-bench-");
        new BenchProbes(FILES, Duration.ofSeconds(10), 0.1).write(dir, "http://127.0.0.1:9", true);
        oneFile = dir.resolve("qbo-invoice-read.yaml");
        Files.writeString(oneFile, """
                id: qbo-invoice-read
                description: Read a known invoice from QuickBooks Online
                connection: target
                schedule: { every: 1m }
                request:
                  method: GET
                  path: /v3/company/${QBO_REALM_ID}/invoice/130
                  query: { minorversion: "75" }
                  timeout: 5s
                expect:
                  status: 200
                  latency: { max: 200ms, degraded: 150ms }
                  assertions:
                    - { path: "$.Invoice.DocNumber", exists: true }
                  totals:
                    - name: lines-vs-total
                      sum: "$.Invoice.Line[?(@.DetailType == 'SalesItemLineDetail')].Amount"
                      equals: "$.Invoice.TotalAmt"
                      tolerance: 0.01
                alert: { severity: critical }
                labels: { team: "${TEAM}" }
                """);
        LoadedConfig check = loader.load(dir, ENV);
        if (!check.problems().isEmpty() || check.probes().size() != FILES + 1) {
            throw new IllegalStateException("benchmark probes do not load cleanly: " + check.problems());
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        WorkDirs.delete(dir);
    }

    /** The whole directory: 1,001 probe files and the connection file. */
    @Benchmark
    public LoadedConfig loadDirectoryOf1000Probes() {
        return loader.load(dir, ENV);
    }

    /** One probe file with substitution, assertions and a totals rule. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public LoadedConfig loadOneProbeFile() {
        return loader.loadProbeFile(oneFile, ENV, Set.of("target"));
    }
}
