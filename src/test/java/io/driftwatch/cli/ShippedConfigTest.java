package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every probe and connection file shipped in probes/ loads without a problem, so examples never rot. */
class ShippedConfigTest {
    static Path repo() {
        return Path.of(System.getProperty("driftwatch.repo.root", "."));
    }

    @Test
    void shippedProbesLoad() {
        var env = Map.of(
                "QBO_REALM_ID", "123",
                "QBO_PROBE_INVOICE_ID", "130",
                "QBO_CLIENT_ID", "id",
                "QBO_CLIENT_SECRET", "secret",
                "QBO_REFRESH_TOKEN", "refresh",
                "SMARTY_AUTH_ID", "id",
                "SMARTY_AUTH_TOKEN", "token");
        var loaded = new ConfigLoader().load(repo().resolve("probes"), env);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.probes()).extracting(p -> p.id()).contains("driftwatch-self");
    }
}
