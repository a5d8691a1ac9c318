package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values reach neither a problem message nor the toString of a connection, its auth or the result. */
class SecretRedactionTest {

    private static final Path DIR = Fixtures.ROOT.resolve("secrets");
    private static final Map<String, String> ENV = Map.of(
            "BASE_URL_TOKEN", "base-url-token-value",
            "POOL_PASSWORD", "pool-password-value",
            "DB_PASSWORD", "db-password-value",
            "SF_CLIENT_ID", "sf-client-id",
            "SF_PRIVATE_KEY", "sf-private-key-value",
            "PARTNER_CLIENT_SECRET", "partner-client-secret-value",
            "TIMEOUT_SECRET", "timeout-secret-value",
            "PARTNER_API_KEY", "partner-api-key-value");
    private static final List<String> SECRETS = List.of(
            "base-url-token-value",
            "pool-password-value",
            "db-password-value",
            "sf-private-key-value",
            "partner-client-secret-value",
            "timeout-secret-value",
            "partner-api-key-value");

    private final LoadedConfig config = new ConfigLoader().load(DIR, ENV);

    @Test
    void problemMessagesMaskSecretValues() {
        assertThat(config.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        DIR + "/connections/leaky.yaml:2:10: baseUrl: expected an absolute http or https URL, got"
                                + " '****'",
                        DIR + "/connections/leaky.yaml:3:17: maxConcurrency: expected a whole number >= 1, got '****'",
                        DIR + "/connections/leaky.yaml:7:13: auth.password: expected a string, got a list",
                        DIR + "/leaky-probe.yaml:5:12: request.timeout: expected a positive duration like 200ms, 5s,"
                                + " 1m, 2h, 1d or ISO-8601 PT5S, got '****'");
        for (ConfigProblem p : config.problems()) {
            for (String secret : SECRETS) assertThat(p.toString()).doesNotContain(secret);
        }
    }

    @Test
    void everySecretValueIsCollectedForTheRedactor() {
        assertThat(config.secretValues()).containsExactlyInAnyOrderElementsOf(SECRETS);
    }

    @Test
    void connectionsAndTheirAuthPrintSecretsMasked() {
        ConnectionDefinition vendor = config.connections().get("vendor");
        assertThat(vendor.auth())
                .isEqualTo(new AuthSpec.Vendor(
                        "salesforce-jwt",
                        Map.of(
                                "clientId", "sf-client-id",
                                "username", "integration@example.test",
                                "privateKeyFile", "/run/secrets/sf.key",
                                "tokenUrl", "https://login.salesforce.example.test/services/oauth2/token"),
                        Map.of("privateKey", Secret.of("sf-private-key-value"))));
        ConnectionDefinition oauth = config.connections().get("oauth");
        assertThat(((AuthSpec.ClientCredentials) oauth.auth()).clientSecret().reveal())
                .isEqualTo("partner-client-secret-value");
        for (ConnectionDefinition c : config.connections().values()) {
            for (String secret : SECRETS) assertThat(c.toString()).doesNotContain(secret);
        }
        assertThat(oauth.toString()).contains("clientSecret=****");
        assertThat(config.toString()).doesNotContain("value");
    }
}
