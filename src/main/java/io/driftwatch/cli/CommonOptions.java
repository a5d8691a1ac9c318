package io.driftwatch.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by commands that read configuration; each falls back to an environment variable. */
public final class CommonOptions {
    @Option(
            names = "--probes",
            paramLabel = "DIR",
            defaultValue = "${env:DRIFTWATCH_PROBES:-probes}",
            description = "Probe files directory (env DRIFTWATCH_PROBES, default: ${DEFAULT-VALUE}).")
    Path probes;

    @Option(
            names = "--baselines",
            paramLabel = "DIR",
            defaultValue = "${env:DRIFTWATCH_BASELINES:-baselines}",
            description = "Baselines directory (env DRIFTWATCH_BASELINES, default: ${DEFAULT-VALUE}).")
    Path baselines;

    @Option(
            names = "--alerting",
            paramLabel = "DIR",
            defaultValue = "${env:DRIFTWATCH_ALERTING:-alerting}",
            description = "Alerting configuration directory (env DRIFTWATCH_ALERTING, default: ${DEFAULT-VALUE}).")
    Path alerting;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "${env:DRIFTWATCH_DATA:-data}",
            description =
                    "Data directory: embedded store, audit trail (env DRIFTWATCH_DATA, default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--store",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:DRIFTWATCH_STORE}",
            description = "JDBC URL of the store (env DRIFTWATCH_STORE); default: an H2 file under the data directory.")
    String store;

    Settings settings(String host, int port) {
        return new Settings(probes, baselines, alerting, data, store, host, port, env());
    }

    static Map<String, String> env() {
        return System.getenv();
    }
}
