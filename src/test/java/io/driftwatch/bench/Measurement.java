package io.driftwatch.bench;

import java.util.Locale;
import java.util.Map;

/**
 * One tool measured in one scenario and connection mode over the measurement window.
 *
 * @param tool {@code driftwatch}, {@code blackbox_exporter} or {@code blackbox_exporter + Prometheus} (the
 *     same probes as the exporter's row; CPU and RSS of both processes added up)
 * @param mode {@code reused} or {@code fresh} connection per run
 * @param runs runs that started in the window
 * @param lag schedule lag in ms (run start minus its fire time); for blackbox_exporter the lag of the
 *     benchmark's own driver, shown only to prove the driver kept up
 * @param latencyError measured duration of a {@code /slow} run minus the target's nominal 200 ms, in ms
 * @param latencyErrorVsHold measured duration of a {@code /slow} run minus the time the target recorded
 *     holding that very request (its sleep overshoot and scheduling excluded), in ms
 * @param cpuSecondsPer1000Runs user + system CPU of the tool's process in the window, per 1,000 runs
 * @param peakRssBytes {@code VmHWM} at the end of the window
 * @param startToReadyMillis process start until its HTTP endpoint answered
 * @param startToFirstProbeMillis process start until the target saw the first probe request
 *     (driftwatch, and Prometheus in the combined row)
 * @param loadAverage {@code /proc/loadavg} (1, 5, 15 min) at the end of the window
 */
record Measurement(
        String tool,
        String mode,
        int probes,
        double targetRunsPerSecond,
        double windowSeconds,
        int runs,
        Map<String, Integer> outcomes,
        Percentiles lag,
        Percentiles latencyError,
        Percentiles latencyErrorVsHold,
        double cpuSecondsPer1000Runs,
        long peakRssBytes,
        double startToReadyMillis,
        double startToFirstProbeMillis,
        String loadAverage,
        String notes) {

    /** The tool name of the row adding Prometheus' CPU and memory to the exporter's. */
    static final String COMBINED = "blackbox_exporter + Prometheus";

    /**
     * The same runs, outcomes and latencies under another tool name with another process's cost added:
     * the exporter's row plus the Prometheus server that drove it.
     */
    Measurement withDriver(
            String tool,
            double driverCpuSecondsPer1000Runs,
            long driverPeakRssBytes,
            double startToReadyMillis,
            double startToFirstProbeMillis,
            String notes) {
        return new Measurement(
                tool,
                mode,
                probes,
                targetRunsPerSecond,
                windowSeconds,
                runs,
                outcomes,
                lag,
                latencyError,
                latencyErrorVsHold,
                cpuSecondsPer1000Runs + driverCpuSecondsPer1000Runs,
                peakRssBytes + driverPeakRssBytes,
                startToReadyMillis,
                startToFirstProbeMillis,
                loadAverage,
                notes);
    }

    double runsPerSecond() {
        return runs / windowSeconds;
    }

    static String header() {
        return "| tool | connections | probes | target runs/s | achieved runs/s | outcomes | lag p50 / p99 / max (ms)"
                + " | latency error vs 200 ms p50 / p99 (ms) | latency error vs target hold p50 / p99 (ms)"
                + " | CPU s per 1,000 runs | peak RSS (MB) | start to ready / first probe (ms)"
                + " | load avg |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %.0f | %.1f | %s | %s / %s / %s | %s / %s | %s / %s | %.3f | %.0f | %.0f / %s"
                        + " | %s |",
                tool,
                mode,
                probes,
                targetRunsPerSecond,
                runsPerSecond(),
                outcomes,
                ms(lag.at(0.5)),
                ms(lag.at(0.99)),
                ms(lag.max()),
                ms(latencyError.at(0.5)),
                ms(latencyError.at(0.99)),
                ms(latencyErrorVsHold.at(0.5)),
                ms(latencyErrorVsHold.at(0.99)),
                cpuSecondsPer1000Runs,
                peakRssBytes / 1048576.0,
                startToReadyMillis,
                Double.isNaN(startToFirstProbeMillis)
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.0f", startToFirstProbeMillis),
                loadAverage);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}
