package io.driftwatch.baseline;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code baselines/} directory: one {@code <probe-id>.json} per probe. Reads are cached per file
 * and return the same {@link Baseline} instance until the file's modification time or size changes,
 * so callers can cache work derived from a baseline (a compiled schema) by instance identity, and a
 * baseline accepted through a pull request is picked up by the running daemon without a restart.
 * Writes go to a temporary file in the same directory and are moved into place atomically, so a
 * reader never sees half a file. Thread-safe.
 */
public final class BaselineStore {
    private static final Pattern PROBE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path directory;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(FileTime modified, long size, Baseline baseline) {}

    public BaselineStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The file of a probe's baseline. Rejects ids that are not {@code [a-z0-9-]+} (no path tricks). */
    public Path file(String probeId) {
        if (probeId == null || !PROBE_ID.matcher(probeId).matches()) {
            throw new IllegalArgumentException("invalid probe id '" + probeId + "': expected [a-z0-9-]+");
        }
        return directory.resolve(probeId + ".json");
    }

    /** The probe's baseline, or empty when none was recorded. */
    public Optional<Baseline> read(String probeId) throws IOException, BaselineFormatException {
        Path file = file(probeId);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            cache.remove(probeId);
            return Optional.empty();
        }
        Cached cached = cache.get(probeId);
        if (cached != null
                && cached.modified().equals(attributes.lastModifiedTime())
                && cached.size() == attributes.size()) {
            return Optional.of(cached.baseline());
        }
        Baseline baseline = BaselineCodec.read(file, Files.readAllBytes(file), probeId);
        cache.put(probeId, new Cached(attributes.lastModifiedTime(), attributes.size(), baseline));
        return Optional.of(baseline);
    }

    /** Writes the baseline atomically, creating the directory when needed. */
    public void write(Baseline baseline) throws IOException {
        Path file = file(baseline.probe());
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + baseline.probe() + "-", ".json.tmp");
        try {
            Files.write(temp, BaselineCodec.write(baseline));
            readableByAll(temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        cache.remove(baseline.probe());
    }

    /**
     * A baseline is reviewed in pull requests and read by a daemon that may run as another user: rw-r--r--
     * like any file in the repository, not the owner-only mode of a temporary file.
     */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the default permissions apply.
        }
    }
}
