package io.driftwatch.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the other tools the benchmark runs (blackbox_exporter, Prometheus). */
final class Executables {
    private Executables() {}

    /** {@code name} in /usr/bin, /usr/local/bin, /usr/sbin or on PATH; null when it is in none of them. */
    static Path find(String name) {
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/usr/local/bin", "/usr/sbin"));
        String path = System.getenv("PATH");
        if (path != null) dirs.addAll(List.of(path.split(File.pathSeparator)));
        for (String dir : dirs) {
            if (dir.isBlank()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
        }
        return null;
    }
}
