package io.driftwatch.store;

import io.driftwatch.vendor.TokenStore;
import io.driftwatch.vendor.TokenStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The token store contract on the embedded H2 store (migration V10), a fresh data directory per test. */
class H2TokenStoreTest extends TokenStoreContract {
    @TempDir
    Path dataDir;

    private Database db;
    private JdbcTokenStore store;

    @BeforeEach
    void open() {
        db = Database.open(Database.embeddedUrl(dataDir));
        store = new JdbcTokenStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected TokenStore store() {
        return store;
    }
}
