package io.driftwatch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads configuration files. */
final class ConfigFiles {

    private ConfigFiles() {}

    /**
     * Every {@code *.yaml} and {@code *.yml} file under {@code dir}, following symbolic links (Kubernetes
     * mounts config maps through them) and skipping names that start with a dot (editor swap files, the
     * {@code ..data} folders of those mounts), sorted by path so results and "first defined" are stable.
     */
    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> !hidden(dir.relativize(p)))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    /** The file's text, or null after reporting why it cannot be read (at 1:1). */
    static String read(Path file, Problems problems) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            problems.add(1, 1, "", "cannot read file: not valid UTF-8");
        } catch (IOException e) {
            problems.add(1, 1, "", "cannot read file: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return null;
    }
}
