package io.driftwatch.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.config.Secret;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link TokenStore} of one JSON file per connection ({@code <dir>/<connection>.json}, owner-only
 * permissions). A save writes a temporary file, forces it to disk and renames it over the old one
 * atomically, so a crash leaves either the old or the new token, never a torn file. Version checks are
 * exact within one process (a lock); across processes sharing the directory the last rename wins, so
 * use the JDBC store for a cluster.
 */
public final class FileTokenStore implements TokenStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ReentrantLock lock = new ReentrantLock();

    public FileTokenStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<Stored> load(String connectionId) throws TokenStoreException {
        Path file = file(connectionId);
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            return Optional.of(new Stored(
                    Secret.of(n.path("refreshToken").asText()),
                    n.path("seedFingerprint").asText(null),
                    instant(n.get("refreshExpiresAt")),
                    instant(n.get("hardExpiresAt")),
                    instant(n.get("updatedAt")),
                    n.path("version").asLong()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenStoreException(
                    "cannot read token file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public boolean save(String connectionId, long expectedVersion, Stored next) throws TokenStoreException {
        lock.lock();
        try {
            long current = load(connectionId).map(Stored::version).orElse(0L);
            if (current != expectedVersion) return false;
            ObjectNode n = JSON.createObjectNode();
            n.put("refreshToken", next.refreshToken().reveal());
            n.put("seedFingerprint", next.seedFingerprint());
            n.put("refreshExpiresAt", text(next.refreshExpiresAt()));
            n.put("hardExpiresAt", text(next.hardExpiresAt()));
            n.put("updatedAt", text(next.updatedAt()));
            n.put("version", expectedVersion + 1);
            write(file(connectionId), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
            return true;
        } catch (IOException e) {
            throw new TokenStoreException(
                    "cannot write token file " + file(connectionId) + ": "
                            + e.getClass().getSimpleName(),
                    e);
        } finally {
            lock.unlock();
        }
    }

    private void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's default permissions apply.
            }
            try (FileChannel ch =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path file(String connectionId) {
        if (!connectionId.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not a connection id: " + connectionId);
        }
        return dir.resolve(connectionId + ".json");
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() || n.asText().isEmpty() ? null : Instant.parse(n.asText());
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + dir + "]";
    }
}
