package io.driftwatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmarks' temporary folders: thousands of probe files, a store, Prometheus' TSDB. */
final class WorkDirs {
    /** Set to 1 to keep a load benchmark's work folder (logs, audit trail, configurations) for a look. */
    static final String KEEP_ENV = "BENCH_KEEP_WORK";

    private WorkDirs() {}

    static boolean keep() {
        return "1".equals(System.getenv(KEEP_ENV));
    }

    /** Deletes {@code dir} and everything under it; a folder already gone is fine. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
