package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderValidTest {

    private final LoadedConfig config = Fixtures.loadValid();

    @Test
    void loadsWithoutProblems() {
        assertThat(config.problems()).isEmpty();
        assertThat(config.valid()).isTrue();
        assertThat(config.probes())
                .extracting(ProbeDefinition::id)
                .containsExactly("smarty-lookup", "partner-health", "status-page", "qbo-invoice-read");
        assertThat(config.connections()).containsOnlyKeys("partner", "quickbooks", "smarty-us");
    }

    @Test
    void fullFeaturedProbeMapsEveryKey() {
        ProbeDefinition p = config.probe("qbo-invoice-read").orElseThrow();
        assertThat(p.description()).isEqualTo("Read a known invoice from QuickBooks Online");
        assertThat(p.connection()).isEqualTo("quickbooks");
        assertThat(p.schedule()).isEqualTo(new Schedule.Every(Duration.ofMinutes(1)));
        assertThat(p.source()).isEqualTo(new SourceLocation(Fixtures.VALID.resolve("qbo-invoice.yaml"), 2, 1));

        RequestSpec r = p.request();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/v3/company/4620816365/invoice/1001");
        assertThat(r.query()).isEqualTo(Map.of("minorversion", "75", "include", "${literal}"));
        assertThat(r.headers()).isEqualTo(Map.of("X-Request-Source", "driftwatch"));
        assertThat(r.body()).isNull();
        assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.retry()).isEqualTo(new RetrySpec(2, Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(r.maxBodyBytes()).isEqualTo(512 * 1024);
        assertThat(r.captureBodyOnFailure()).isTrue();

        Expectations e = p.expect();
        assertThat(e.status()).isEqualTo(new StatusExpectation(Set.of(200), Set.of(3)));
        assertThat(e.contentType()).isEqualTo("application/json");
        assertThat(e.latency()).isEqualTo(new LatencyExpectation(Duration.ofMillis(200), Duration.ofMillis(150)));
        assertThat(e.certificateMinDays()).isEqualTo(14);
        assertThat(e.schema()).isEqualTo(new SchemaExpectation(true, null, 2, false));
        assertThat(e.assertions())
                .containsExactly(
                        new Assertion("$.Invoice.DocNumber", true, null, null, null, null, null, null),
                        new Assertion(
                                "$.Invoice.CurrencyRef.value",
                                null,
                                TextNode.valueOf("USD"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        new Assertion("$.Invoice.DocNumber", null, null, "^[0-9]+$", null, null, null, null),
                        new Assertion(
                                "$.Invoice.Balance", null, null, null, new BigDecimal("100000.50"), null, null, null),
                        new Assertion("$.Invoice.TotalAmt", null, null, null, null, BigDecimal.ZERO, null, null),
                        new Assertion("$.Invoice.Line", null, null, null, null, null, 3, null),
                        new Assertion("$.Invoice.Id", null, null, null, null, null, null, "string"));
        assertThat(e.totals())
                .containsExactly(
                        new TotalsRule(
                                "lines-vs-total",
                                null,
                                null,
                                "$.Invoice.Line[?(@.DetailType == 'SalesItemLineDetail')].Amount",
                                "$.Invoice.Line[?(@.DetailType == 'DiscountLineDetail')].Amount",
                                "$.Invoice.TxnTaxDetail.TotalTax",
                                "$.Invoice.TotalAmt",
                                new BigDecimal("0.01"),
                                null),
                        new TotalsRule(
                                "fixed-total",
                                "$.QueryResponse.Invoice[*]",
                                "$.DocNumber",
                                "$.Line[*].Amount",
                                null,
                                null,
                                "150.00",
                                TotalsRule.DEFAULT_TOLERANCE,
                                "$.CurrencyRef.value"));
        assertThat(p.alert()).isEqualTo(new AlertSpec("critical", "finance-oncall"));
        assertThat(p.labels()).isEqualTo(Map.of("team", "finance", "tier", "1"));
        assertThat(p.runbook()).isEqualTo("https://wiki.example.test/runbooks/qbo-invoice");
    }

    @Test
    void omittedKeysTakeTheirDefaults() {
        ProbeDefinition p = config.probe("status-page").orElseThrow();
        assertThat(p.connection()).isNull();
        assertThat(p.schedule()).isEqualTo(new Schedule.Every(Duration.ofMinutes(1)));
        assertThat(p.request().method()).isEqualTo("GET");
        assertThat(p.request().timeout()).isEqualTo(RequestSpec.DEFAULT_TIMEOUT);
        assertThat(p.request().retry()).isEqualTo(RetrySpec.DEFAULT);
        assertThat(p.request().maxBodyBytes()).isEqualTo(RequestSpec.DEFAULT_MAX_BODY_BYTES);
        assertThat(p.request().captureBodyOnFailure()).isFalse();
        assertThat(p.expect().status()).isEqualTo(StatusExpectation.DEFAULT);
        assertThat(p.expect().latency()).isNull();
        assertThat(p.expect().assertions()).isEmpty();
        assertThat(p.alert()).isEqualTo(AlertSpec.DEFAULT);
        assertThat(p.labels()).isEmpty();
        assertThat(p.runbook()).isNull();
    }

    @Test
    void multiDocumentFileHoldsSeveralProbes() {
        Path file = Fixtures.VALID.resolve("nested/finance/smarty.yml");
        assertThat(config.probeIdsByFile())
                .containsExactly(
                        Map.entry(file, List.of("smarty-lookup", "partner-health", "status-page")),
                        Map.entry(Fixtures.VALID.resolve("qbo-invoice.yaml"), List.of("qbo-invoice-read")));

        ProbeDefinition smarty = config.probe("smarty-lookup").orElseThrow();
        assertThat(smarty.schedule()).isEqualTo(new Schedule.Cron("0 */5 * * * ?", ZoneId.of("Europe/Paris")));
        assertThat(smarty.request().method()).isEqualTo("POST");
        assertThat(smarty.request().body())
                .isEqualTo("[{\"street\":\"1 Main St\",\"city\":\"Springfield\",\"candidates\":1}]");
        assertThat(smarty.source()).isEqualTo(new SourceLocation(file, 1, 1));

        ProbeDefinition partner = config.probe("partner-health").orElseThrow();
        assertThat(partner.request().body()).isEqualTo("{\"ping\": true}");
        assertThat(partner.expect().status()).isEqualTo(StatusExpectation.DEFAULT);
        assertThat(partner.expect().schema())
                .isEqualTo(new SchemaExpectation(false, "../../schemas/invoice.schema.json", -1, true));
        assertThat(partner.source()).isEqualTo(new SourceLocation(file, 15, 1));
    }

    @Test
    void connectionsMapGenericAndVendorAuth() {
        ConnectionDefinition qbo = config.connections().get("quickbooks");
        assertThat(qbo.vendor()).isEqualTo("quickbooks");
        assertThat(qbo.baseUrl()).isEqualTo(URI.create("https://sandbox-quickbooks.api.intuit.com"));
        assertThat(qbo.headers()).isEqualTo(Map.of("Accept", "application/json"));
        assertThat(qbo.maxConcurrency()).isEqualTo(10);
        assertThat(qbo.settings()).isEqualTo(Map.of("realmId", "4620816365", "minorversion", "75"));
        assertThat(qbo.auth())
                .isEqualTo(new AuthSpec.Vendor(
                        "quickbooks-oauth2",
                        Map.of(
                                "clientId", "qbo-client-id",
                                "refreshTokenFile", "/var/lib/driftwatch/qbo-refresh-token",
                                "tokenUrl", "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
                        Map.of(
                                "clientSecret", Secret.of("qbo-client-secret-value"),
                                "refreshToken", Secret.of("qbo-refresh-token-value"))));
        assertThat(qbo.source())
                .isEqualTo(new SourceLocation(Fixtures.VALID.resolve("connections/quickbooks.yaml"), 2, 1));

        ConnectionDefinition smarty = config.connections().get("smarty-us");
        assertThat(smarty.vendor()).isEqualTo("smarty");
        assertThat(smarty.maxConcurrency()).isEqualTo(4);
        assertThat(smarty.auth())
                .isEqualTo(new AuthSpec.ApiKey(
                        "auth-token", Secret.of("smarty-auth-token-value"), AuthSpec.KeyLocation.QUERY));

        ConnectionDefinition partner = config.connections().get("partner");
        assertThat(partner.vendor()).isEqualTo("generic");
        assertThat(partner.baseUrl()).isEqualTo(URI.create("http://partner.example.test:8080/api"));
        assertThat(partner.auth()).isEqualTo(new AuthSpec.Basic("driftwatch", Secret.of("partner-pass-from-file")));
    }

    @Test
    void secretValuesHoldFileAndEnvironmentSecrets() {
        assertThat(config.secretValues())
                .containsExactlyInAnyOrder(
                        "partner-pass-from-file", // passwordFile, trimmed
                        "qbo-client-secret-value", // vendor auth key clientSecret, from ${QBO_CLIENT_SECRET}
                        "qbo-refresh-token-value",
                        "smarty-auth-token-value", // api-key value
                        "status-api-token-value"); // ${STATUS_API_TOKEN} in a probe header
        // QBO_REALM_ID and QBO_CLIENT_ID are substituted too, but their names are not secret-like.
        assertThat(config.secretValues()).doesNotContain("4620816365", "qbo-client-id");
    }

    @Test
    void aLoadedConfigNeverPrintsItsSecrets() {
        assertThat(config.toString())
                .isEqualTo("LoadedConfig[probes=4, connections=3, problems=0, files=2, secretValues=5]");
    }
}
