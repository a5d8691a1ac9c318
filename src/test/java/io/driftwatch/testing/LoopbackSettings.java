package io.driftwatch.testing;

import io.driftwatch.cli.Settings;
import java.nio.file.Path;
import java.util.Map;

/** Daemon settings for tests: the embedded store, listening on 127.0.0.1 on a free port. */
public final class LoopbackSettings {
    private LoopbackSettings() {}

    /** Probes from {@code probes}; baselines, alerting and data in folders of those names under {@code dir}. */
    public static Settings under(Path dir, Path probes, Map<String, String> env) {
        return of(probes, dir.resolve("baselines"), dir.resolve("alerting"), dir.resolve("data"), env);
    }

    public static Settings of(Path probes, Path baselines, Path alerting, Path data, Map<String, String> env) {
        return new Settings(probes, baselines, alerting, data, null, "127.0.0.1", 0, env);
    }
}
