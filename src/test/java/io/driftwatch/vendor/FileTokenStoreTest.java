package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest extends TokenStoreContract {
    @TempDir
    Path dir;

    private FileTokenStore store;

    @BeforeEach
    void open() {
        store = new FileTokenStore(dir.resolve("tokens"));
    }

    @Override
    protected TokenStore store() {
        return store;
    }

    @Test
    void oneOwnerOnlyFilePerConnectionAndNoTemporaryLeftovers() throws Exception {
        store.save("qbo", 0, row("token-1", null));
        store.save("qbo", 1, row("token-2", null));
        try (Stream<Path> files = Files.list(dir.resolve("tokens"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("qbo.json");
        }
        Path file = dir.resolve("tokens/qbo.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"version\" : 2");
    }

    @Test
    void aCorruptFileIsAnErrorNamingTheFileNotTheContent() throws Exception {
        Files.createDirectories(dir.resolve("tokens"));
        Files.writeString(dir.resolve("tokens/qbo.json"), "{\"refreshToken\": \"secret-value\", broken");
        try {
            store.load("qbo");
            throw new AssertionError("expected a TokenStoreException");
        } catch (TokenStore.TokenStoreException e) {
            assertThat(e.getMessage())
                    .isEqualTo("cannot read token file " + dir.resolve("tokens/qbo.json") + ": JsonParseException")
                    .doesNotContain("secret-value");
        }
    }
}
