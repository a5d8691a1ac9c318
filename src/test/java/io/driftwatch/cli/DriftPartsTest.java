package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.LoadedConfig;
import io.driftwatch.probe.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which probes get the drift checks: schema drift with expect.schema, latency drift with it or expect.latency.drift. */
class DriftPartsTest {
    @TempDir
    Path dir;

    @Test
    void driftChecksFollowTheProbesExpectations() throws Exception {
        Path probes = Files.createDirectories(dir.resolve("probes"));
        String request = "request: { path: https://api.example.test/x }\n";
        Files.writeString(probes.resolve("plain.yaml"), "id: plain\n" + request);
        Files.writeString(probes.resolve("schema.yaml"), "id: schema\n" + request + "expect: { schema: {} }\n");
        Files.writeString(
                probes.resolve("latency.yaml"),
                "id: latency\n" + request + "expect: { latency: { drift: { window: 15m } } }\n");
        LoadedConfig loaded = new ConfigLoader().load(probes, Map.of());
        assertThat(loaded.problems()).isEmpty();
        DriftParts drift = new DriftParts(Settings.defaults(Map.of()).withProbesDir(probes));
        var checks = drift.checks();
        assertThat(checks.checksFor(loaded.probe("plain").orElseThrow())).isEmpty();
        assertThat(checks.checksFor(loaded.probe("schema").orElseThrow()))
                .extracting(Check::name)
                .containsExactly("schema-drift", "latency-drift");
        assertThat(checks.checksFor(loaded.probe("latency").orElseThrow()))
                .extracting(Check::name)
                .containsExactly("latency-drift");
    }
}
