package io.driftwatch.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's shipped probes, copied for a daemon test with schedules short enough to run at once. */
public final class ShippedProbes {
    private ShippedProbes() {}

    public static Path repo() {
        return Path.of(System.getProperty("driftwatch.repo.root", "."));
    }

    /** Copies {@code probes/} to {@code to}, every schedule replaced by {@code every: 2s}. */
    public static Path copyWithShortSchedules(Path to) throws IOException {
        Path from = repo().resolve("probes");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    String text = Files.readString(f)
                            .replaceAll("every:\\s*[0-9]+[a-z]+", "every: 2s")
                            .replaceAll("cron:\\s*\"[^\"]*\"", "every: 2s");
                    Files.writeString(target, text);
                }
            }
        }
        return to;
    }
}
