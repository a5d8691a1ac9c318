package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading folds the new files into the active configuration, whatever kind of probe they hold. */
class ActiveConfigReloadTest {
    @TempDir
    Path dir;

    ActiveConfig.Change reload(ActiveConfig active) {
        return active.apply(new ConfigLoader().load(dir, Map.of()));
    }

    @Test
    void aProbeWithoutAConnectionReloadsAndAConnectionChangeReschedulesItsProbes() throws Exception {
        Files.createDirectories(dir.resolve("connections"));
        Files.writeString(dir.resolve("connections/api.yaml"), "baseUrl: http://127.0.0.1:1\n");
        Files.writeString(dir.resolve("absolute.yaml"), """
                id: absolute
                schedule: { every: 1m }
                request: { path: "http://127.0.0.1:1/health" }
                """);
        Files.writeString(dir.resolve("via-api.yaml"), """
                id: via-api
                connection: api
                schedule: { every: 1m }
                request: { path: /health }
                """);
        ActiveConfig.Change first = reload(ActiveConfig.EMPTY);
        assertThat(first.problems()).isEmpty();
        assertThat(first.added()).hasSize(2);

        // Unchanged files: nothing changes (this threw for the probe without a connection).
        ActiveConfig.Change same = reload(first.next());
        assertThat(same.changed()).isEmpty();
        assertThat(same.added()).isEmpty();

        Files.writeString(
                dir.resolve("connections/api.yaml"), "baseUrl: http://127.0.0.1:1\nreuseConnections: false\n");
        ActiveConfig.Change conn = reload(same.next());
        assertThat(conn.changed()).extracting(ProbeDefinition::id).containsExactly("via-api");
    }
}
