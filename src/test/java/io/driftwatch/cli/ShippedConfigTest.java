package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every probe and connection file shipped in probes/ loads without a problem, so examples never rot.
 * Each referenced environment variable gets a placeholder value (a real file for *_FILE variables).
 */
class ShippedConfigTest {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @TempDir
    Path dir;

    static Path repo() {
        return Path.of(System.getProperty("driftwatch.repo.root", "."));
    }

    @Test
    void shippedProbesLoad() throws IOException {
        Path probes = repo().resolve("probes");
        Path placeholder = Files.writeString(dir.resolve("placeholder.txt"), "placeholder-value");
        Map<String, String> env = new HashMap<>();
        try (Stream<Path> files = Files.walk(probes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                var m = VAR.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(1);
                    env.put(
                            name,
                            name.endsWith("_FILE")
                                    ? placeholder.toString()
                                    : name.endsWith("_URL") ? "http://127.0.0.1:1" : "1");
                }
            }
        }
        var loaded = new ConfigLoader().load(probes, env);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.probes()).extracting(p -> p.id()).contains("driftwatch-self");
    }
}
