package io.driftwatch.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between io.driftwatch packages point one way, along the data flow (STYLE.md): a package
 * may import only packages of a lower layer. A new package must be given its layer here, which is the
 * moment to decide where it sits.
 */
class PackageLayersTest {
    static final Path MAIN = Path.of("src/main/java/io/driftwatch");
    /** Imports and fully qualified references in code (the package line itself is skipped). */
    static final Pattern REFERENCE = Pattern.compile("\\bio\\.driftwatch\\.([a-z]+)\\.[A-Za-z]");

    /** Layer of each top-level package; 0 knows no other driftwatch package, cli wires everything. */
    static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("config", 0),
            Map.entry("finding", 0),
            Map.entry("metrics", 0),
            Map.entry("text", 0),
            Map.entry("sandbox", 1),
            Map.entry("http", 1),
            Map.entry("baseline", 1),
            Map.entry("reconcile", 1),
            Map.entry("schedule", 1),
            Map.entry("channel", 1),
            Map.entry("vendor", 2),
            Map.entry("drift", 2),
            Map.entry("outbox", 2),
            Map.entry("probe", 3),
            Map.entry("store", 4),
            Map.entry("alert", 4),
            Map.entry("server", 4),
            Map.entry("cli", 5));

    @Test
    void importsPointToLowerLayersOnly() throws IOException {
        Set<String> violations = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f);
                if (rel.getNameCount() < 2) continue; // io/driftwatch/*.java (none today)
                String from = rel.getName(0).toString();
                if (!LAYER.containsKey(from)) {
                    unknown.add(from);
                    continue;
                }
                String code = Files.readString(f)
                        .replaceFirst("(?m)^package [^;]+;", "")
                        .replaceAll("(?s)/\\*.*?\\*/", "") // comments may name any class
                        .replaceAll("//[^\n]*", "");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String to = m.group(1);
                    if (to.equals(from)) continue;
                    if (!LAYER.containsKey(to)) unknown.add(to);
                    else if (LAYER.get(to) >= LAYER.get(from)) violations.add(rel + " imports " + to);
                }
            }
        }
        assertThat(unknown)
                .as("packages without a layer in PackageLayersTest.LAYER")
                .isEmpty();
        assertThat(violations).as("imports against the data flow").isEmpty();
    }
}
