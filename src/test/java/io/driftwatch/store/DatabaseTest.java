package io.driftwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.config.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final String PASSWORD = "hunter2-s3cret";

    @Test
    void detectsTheDialectFromTheUrl() {
        assertThat(Dialect.fromUrl("jdbc:h2:file:/var/lib/driftwatch/driftwatch"))
                .isSameAs(H2Dialect.INSTANCE);
        assertThat(Dialect.fromUrl("JDBC:H2:mem:x")).isSameAs(H2Dialect.INSTANCE);
        assertThat(Dialect.fromUrl("jdbc:postgresql://db:5432/driftwatch")).isSameAs(PostgresDialect.INSTANCE);
        assertThat(Dialect.fromUrl("jdbc:postgresql://db/x").name()).isEqualTo("postgresql");
        assertThat(Dialect.fromUrl("jdbc:h2:mem:x").name()).isEqualTo("h2");
    }

    @Test
    void rejectsOtherUrlsWithoutShowingTheirCredentials() {
        assertThatThrownBy(() -> Dialect.fromUrl("jdbc:mysql://db/x?user=root&password=" + PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported store URL \"jdbc:mysql:...\": expected jdbc:h2:... (embedded)"
                        + " or jdbc:postgresql://host:port/database");
        assertThatThrownBy(() -> Dialect.fromUrl(""))
                .hasMessage("unsupported store URL (empty): expected jdbc:h2:... (embedded)"
                        + " or jdbc:postgresql://host:port/database");
        assertThatThrownBy(() -> Dialect.fromUrl("sqlite.db"))
                .hasMessage("unsupported store URL \"sqlite.db...\": expected jdbc:h2:... (embedded)"
                        + " or jdbc:postgresql://host:port/database");
    }

    @Test
    void embeddedUrlIsAnAbsoluteH2FileThatH2DoesNotCloseOnItsOwn(@TempDir Path dir) {
        String url = Database.embeddedUrl(dir.resolve("data/../data"));

        assertThat(url)
                .isEqualTo(
                        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("data").resolve("driftwatch")
                                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;CACHE_SIZE=4096");
        assertThatThrownBy(() -> Database.embeddedUrl(Path.of("/tmp/a;INIT=RUNSCRIPT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data directory path must not contain ';': /tmp/a;INIT=RUNSCRIPT");
    }

    @Test
    void redactsPasswordsInUrls() {
        assertThat(Database.redact("jdbc:postgresql://db/x?user=dw&password=" + PASSWORD + "&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=dw&password=****&ssl=true");
        assertThat(Database.redact("jdbc:h2:file:/d/x;USER=sa;PASSWORD=" + PASSWORD))
                .isEqualTo("jdbc:h2:file:/d/x;USER=sa;PASSWORD=****");
    }

    @Test
    void settingsNeverShowThePassword() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db/x?password=" + PASSWORD, "driftwatch", Secret.of(PASSWORD), 0);

        assertThat(settings.toString())
                .isEqualTo("DatabaseSettings[jdbcUrl=jdbc:postgresql://db/x?password=****, username=driftwatch,"
                        + " password=****, maxPoolSize=0]");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", null, null, -1))
                .hasMessage("store pool size must be 0 (default) or more, got -1");
    }

    @Test
    void unreachableServerFailsWithTheRedactedUrlAndNoSecretAnywhereInTheTrace() {
        // Port 1 on loopback refuses at once.
        String url = "jdbc:postgresql://127.0.0.1:1/driftwatch?connectTimeout=2&password=" + PASSWORD;
        DatabaseSettings settings = new DatabaseSettings(url, "driftwatch", Secret.of(PASSWORD), 1);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open store at jdbc:postgresql://127.0.0.1:1/driftwatch"
                        + "?connectTimeout=2&password=****: ")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(PASSWORD));
    }

    @Test
    void openingTwiceReusesTheMigratedSchema(@TempDir Path dir) {
        String url = Database.embeddedUrl(dir.resolve("not/yet/created"));
        try (Database first = Database.open(url)) {
            new RunStore(first).save(TestRuns.passing("p", TestRuns.T0));
        }
        try (Database second = Database.open(url)) {
            assertThat(new RunStore(second).latest("p")).isPresent();
            assertThat(second.isClosed()).isFalse();
            assertThat(second.isReachable(Duration.ofSeconds(2))).isTrue();
            second.close();
            assertThat(second.isClosed()).isTrue();
            assertThat(second.isReachable(Duration.ofSeconds(2))).isFalse();
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
