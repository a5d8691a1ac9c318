package io.driftwatch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The load benchmark as seen from the smoke test (outside this package, so the test is not excluded as a benchmark). */
public final class LoadBenchHarness {

    /** What the smoke test checks of one measured daemon run. */
    public record Row(
            String mode,
            int runs,
            Map<String, Integer> outcomes,
            int latencyErrorSamples,
            int latencyErrorVsHoldSamples,
            double cpuSecondsPer1000Runs,
            long peakRssBytes) {}

    public record Result(List<Row> rows, String report) {}

    private LoadBenchHarness() {}

    /**
     * {@code bench/run --smoke}: 15 probes every second, both connection modes, blackbox_exporter off; the
     * daemon starts from this JVM's class path (a packaged jar may be stale during a build).
     */
    /** The JVM options the benchmark starts the daemon with, {@code %ROOT%} standing for the repository. */
    public static String launcherJavaOpts() {
        return LoadOptions.LAUNCHER_JAVA_OPTS;
    }

    public static Result smoke(Path out, PrintStream log) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("driftwatch.repo.root", ".")).toAbsolutePath();
        LoadOptions options = LoadOptions.parse(new String[] {"--smoke", "--out", out.toString()}, root)
                .withClasspathLaunch();
        List<Measurement> measured = LoadBench.run(options, log);
        List<Row> rows = measured.stream()
                .map(m -> new Row(
                        m.mode(),
                        m.runs(),
                        m.outcomes(),
                        m.latencyError().count(),
                        m.latencyErrorVsHold().count(),
                        m.cpuSecondsPer1000Runs(),
                        m.peakRssBytes()))
                .toList();
        return new Result(rows, LoadBench.report(options, measured));
    }
}
