package io.driftwatch.benchsmoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.bench.LoadBenchHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the scale benchmark (bench/run, io.driftwatch.bench.LoadBench) from rotting: its smoke variant
 * starts the real daemon as a process with 15 probes against the loopback target, in both connection
 * modes, and must produce a measurement from the audit trail and /proc, including the latency error against
 * the hold the target recorded for each /slow request (joined by probe id). Asserts that numbers exist,
 * never how fast anything was (the benchmark itself judges that).
 */
class LoadBenchSmokeTest {
    @TempDir
    Path out;

    @Test
    void smokeRunMeasuresBothConnectionModesFromTheDaemonProcess() throws Exception {
        var log = new ByteArrayOutputStream();
        var result = LoadBenchHarness.smoke(out, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(result.rows()).hasSize(2);
        for (var row : result.rows()) {
            assertThat(row.runs()).as("runs measured for %s", row.mode()).isPositive();
            assertThat(row.outcomes()).as("every run passed (%s)", row.mode()).containsOnlyKeys("ok");
            assertThat(row.latencyErrorSamples())
                    .as("slow-endpoint samples (%s)", row.mode())
                    .isPositive();
            assertThat(row.latencyErrorVsHoldSamples())
                    .as("slow-endpoint samples joined with the target's hold (%s)", row.mode())
                    .isPositive();
            assertThat(row.cpuSecondsPer1000Runs()).isPositive();
            assertThat(row.peakRssBytes()).isPositive();
        }
        assertThat(result.report())
                .contains("| driftwatch | reused |", "| driftwatch | fresh |", "latency error vs target hold");

        Matcher workDir = Pattern.compile("work dir (\\S+) \\(deleted at the end\\)")
                .matcher(log.toString(StandardCharsets.UTF_8));
        assertThat(workDir.find()).as("the log names the work folder").isTrue();
        assertThat(Path.of(workDir.group(1)))
                .as("probe files, store and audit trail removed")
                .doesNotExist();
    }
}
