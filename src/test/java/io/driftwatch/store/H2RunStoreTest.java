package io.driftwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file store, a fresh data directory per test. */
class H2RunStoreTest extends StoreFixture implements RunStoreContract, RetentionContract, RunWriterContract {
    @TempDir
    Path dataDir;

    @Override
    String jdbcUrl() {
        return Database.embeddedUrl(dataDir);
    }

    @Override
    public Dialect expectedDialect() {
        return H2Dialect.INSTANCE;
    }

    @Test
    void keepsTheDatabaseInOneFileUnderTheDataDirectory() {
        store().save(TestRuns.passing("p", TestRuns.T0));

        assertThat(Files.exists(dataDir.resolve("driftwatch.mv.db"))).isTrue();
    }
}
