package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Definitions keep the order of their files and never print header or query values. */
class DefinitionTextTest {
    static final String SECRET = "sk-live-never-printed";

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void requestKeepsOrderAndHidesValues() {
        var spec = new RequestSpec(
                "GET",
                "/v1/things",
                ordered("z", "1", "a", SECRET, "m", "3"),
                ordered("X-Api-Key", SECRET, "Accept", "application/json"),
                "{\"token\":\"" + SECRET + "\"}",
                Duration.ofSeconds(5),
                null,
                1024,
                false);
        assertThat(spec.query().keySet()).containsExactly("z", "a", "m");
        assertThat(spec.headers().keySet()).containsExactly("X-Api-Key", "Accept");
        assertThat(spec.toString()).doesNotContain(SECRET).contains("X-Api-Key").contains("/v1/things");
    }

    @Test
    void connectionKeepsOrderAndHidesValues() {
        var c = new ConnectionDefinition(
                "partner",
                "generic",
                URI.create("https://partner.example.test"),
                ordered("Authorization", "Bearer " + SECRET, "X-Tenant", "acme"),
                null,
                4,
                ordered("realm", "1"),
                null);
        assertThat(c.headers().keySet()).containsExactly("Authorization", "X-Tenant");
        assertThat(c.toString())
                .doesNotContain(SECRET)
                .contains("Authorization")
                .contains("partner");
    }
}
