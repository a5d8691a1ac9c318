package io.driftwatch.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon finds its files and how it listens. Built from command-line options, which fall back
 * to environment variables (DRIFTWATCH_PROBES, DRIFTWATCH_DATA, DRIFTWATCH_STORE, DRIFTWATCH_HOST,
 * DRIFTWATCH_PORT) and then to the defaults below.
 *
 * @param storeUrl JDBC URL; null means the embedded H2 file under {@code dataDir}
 * @param port 0 picks a free port
 */
public record Settings(
        Path probesDir,
        Path baselinesDir,
        Path alertingDir,
        Path dataDir,
        String storeUrl,
        String host,
        int port,
        Map<String, String> env) {

    public static final int DEFAULT_PORT = 9464;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public Settings {
        env = Map.copyOf(env);
    }

    public static Settings defaults(Map<String, String> env) {
        return new Settings(
                Path.of("probes"),
                Path.of("baselines"),
                Path.of("alerting"),
                Path.of("data"),
                null,
                DEFAULT_HOST,
                DEFAULT_PORT,
                env);
    }

    public Settings withProbesDir(Path dir) {
        return new Settings(dir, baselinesDir, alertingDir, dataDir, storeUrl, host, port, env);
    }
}
