package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code kind: reconcile} probe maps every key, with defaults, and is an ordinary probe otherwise. */
class ReconcileConfigTest {

    @Test
    void aFileBasedReconcileProbeMapsBothSides() {
        Path dir = Path.of("src/test/resources/reconcile/probes");
        LoadedConfig config = new ConfigLoader().load(dir, Map.of());

        assertThat(config.problems()).isEmpty();
        ProbeDefinition p = config.probe("sf-vs-qbo-files").orElseThrow();
        assertThat(p.connection()).isNull();
        assertThat(p.request()).isNull();
        assertThat(p.schedule()).isEqualTo(new Schedule.Every(Duration.ofMinutes(1)));
        assertThat(p.source()).isEqualTo(new SourceLocation(dir.resolve("sf-vs-qbo-files.yaml"), 2, 1));
        ReconcileDefinition r = p.reconcile();
        assertThat(r.tolerance()).isEqualByComparingTo("0.01");
        assertThat(r.source())
                .isEqualTo(new ReconcileSide(
                        "salesforce",
                        null,
                        null,
                        dir.resolve("../sf-closed-won-opportunities.json"),
                        "$.records[*]",
                        null,
                        "$.External_Id__c",
                        "$.Amount",
                        "$.CurrencyIsoCode"));
        assertThat(r.target().key()).isEqualTo("$.CustomField[?(@.Name == 'External Id')].StringValue");
        assertThat(r.target().nameOr("target")).isEqualTo("quickbooks");
    }

    @Test
    void requestSidesUseTheirConnectionAndTheProbeRequestDefaults() {
        LoadedConfig config = new ConfigLoader()
                .load(
                        Path.of("probes"),
                        Map.of(
                                "RECONCILE_SINCE", "2026-08-01",
                                "QBO_REALM_ID", "123",
                                "QBO_CLIENT_ID", "x",
                                "QBO_CLIENT_SECRET", "x",
                                "QBO_REFRESH_TOKEN", "x",
                                "QBO_PROBE_INVOICE_ID", "1",
                                "SF_CLIENT_ID", "x",
                                "SF_USERNAME", "x",
                                "SF_PRIVATE_KEY_FILE", "pom.xml",
                                "SMARTY_AUTH_ID", "x"));
        ProbeDefinition p = config.probe("sf-opportunity-vs-qbo-invoice").orElseThrow();
        ReconcileSide sf = p.reconcile().source();
        assertThat(sf.connection()).isEqualTo("salesforce");
        assertThat(sf.request().query().get("q"))
                .isEqualTo("SELECT Id, Amount, CloseDate, External_Id__c FROM Opportunity WHERE IsWon = true AND"
                        + " CloseDate >= 2026-08-01");
        assertThat(sf.request().retry()).isEqualTo(RetrySpec.DEFAULT);
        assertThat(sf.nextPage()).isEqualTo("$.nextRecordsUrl");
        assertThat(p.reconcile().target().request().path()).isEqualTo("/v3/company/123/query");
        assertThat(p.alert().severity()).isEqualTo("critical");
    }
}
