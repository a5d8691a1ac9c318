package io.driftwatch.vendor;

import static io.driftwatch.vendor.QuickBooksVendorTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.vendor.salesforce.SalesforceVendor;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalesforceVendorTest {
    private final QuotaUsage quotas = new QuotaUsage();
    private final SalesforceVendor vendor = new SalesforceVendor(quotas);
    private final ConnectionDefinition connection = new ConnectionDefinition(
            "sf", "salesforce", URI.create("https://sf.test"), Map.of(), null, 10, Map.of("apiVersion", "65.0"), null);

    @Test
    void usageBelowTheThresholdIsRecordedQuietly() {
        assertThat(vendor.inspect(connection, Exchanges.of(200, "{}", "Sforce-Limit-Info", "api-usage=18/15000")))
                .isEmpty();
        assertThat(quotas.ratio("sf")).hasValue(18.0 / 15000);
    }

    @Test
    void usageAtOrAboveTheThresholdWarns() {
        Finding f = only(vendor.inspect(
                connection, Exchanges.of(200, "{}", "Sforce-Limit-Info", "api-usage=12000/15000; api-bursts=1/750")));
        assertThat(f.level()).isEqualTo(Level.WARN);
        assertThat(f.kind()).isEqualTo(FindingKind.QUOTA);
        assertThat(f.message())
                .isEqualTo("Salesforce API usage at 80% of the daily allocation (12000/15000), at or above the 80%"
                        + " threshold");
        var strict = new ConnectionDefinition(
                "sf2", "salesforce", null, Map.of(), null, 10, Map.of("quotaWarnRatio", "0.95"), null);
        assertThat(vendor.inspect(strict, Exchanges.of(200, "{}", "Sforce-Limit-Info", "api-usage=12000/15000")))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'api-usage=10018/100000; api-bursts=1/750' | 0.10018",
                "'per-app-api-usage=17/250(appName=sample-connected-app); api-usage=5/100' | 0.05",
                "' API-Usage = 7 / 70 ' | 0.1",
                "'api-usage=1/10,per-app-api-usage=9/10(appName=x)' | 0.1",
                "'junk; api-usage=3/4; more junk' | 0.75"
            })
    void oddButReadableHeaders(String header, double ratio) {
        vendor.inspect(connection, Exchanges.of(200, "{}", "Sforce-Limit-Info", header));
        assertThat(quotas.ratio("sf")).hasValue(ratio);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "api-usage=abc/15000",
                "api-usage=5/0",
                "per-app-api-usage=17/250(appName=x)",
                "api-usage=99999999999999999999/1",
                "''"
            })
    void unreadableHeadersAreInformationNotErrors(String header) {
        Finding f = only(vendor.inspect(connection, Exchanges.of(200, "{}", "Sforce-Limit-Info", header)));
        assertThat(f.level()).isEqualTo(Level.INFO);
        assertThat(f.message()).isEqualTo("Sforce-Limit-Info has no readable api-usage pair");
        assertThat(quotas.ratio("sf")).isEmpty();
    }

    @Test
    void errorArraysBecomeFindings() {
        String body = "[{\"message\":\"No such column 'Nope'\",\"errorCode\":\"INVALID_FIELD\",\"fields\":[\"Nope\"]},"
                + "{\"message\":\"second\",\"errorCode\":\"MALFORMED_QUERY\"}]";
        var findings = vendor.inspect(connection, Exchanges.of(400, body));
        assertThat(findings)
                .extracting(Finding::message)
                .containsExactly(
                        "Salesforce error INVALID_FIELD: No such column 'Nope'",
                        "Salesforce error MALFORMED_QUERY: second");
        assertThat(findings.get(0).evidence()).containsEntry("fields", "Nope").containsEntry("httpStatus", "400");
    }

    @Test
    void requestLimitExceededIsQuotaExhaustion() {
        Finding f = only(vendor.inspect(
                connection,
                Exchanges.of(
                        403,
                        "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));
        assertThat(f.kind()).isEqualTo(FindingKind.QUOTA);
        assertThat(f.message()).isEqualTo("Salesforce API request limit exceeded: TotalRequests Limit exceeded.");
        assertThat(quotas.ratio("sf")).hasValue(1.0);
        Finding session = only(vendor.inspect(
                connection,
                Exchanges.of(
                        401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        assertThat(session.kind()).isEqualTo(FindingKind.AUTH);
    }

    @Test
    void versionsListReportsRetiredAndNewerVersions() {
        String list = "[{\"label\":\"Winter '26\",\"url\":\"/services/data/v65.0\",\"version\":\"65.0\"},"
                + "{\"label\":\"Spring '26\",\"url\":\"/services/data/v66.0\",\"version\":\"66.0\"}]";
        Finding newer = only(vendor.inspect(connection, Exchanges.at("https://sf.test/services/data/", 200, list)));
        assertThat(newer.level()).isEqualTo(Level.INFO);
        assertThat(newer.message()).isEqualTo("Salesforce API version 66.0 is available (pinned 65.0)");

        var old = new ConnectionDefinition(
                "sf", "salesforce", null, Map.of(), null, 10, Map.of("apiVersion", "50.0"), null);
        Finding retired = only(vendor.inspect(old, Exchanges.at("https://sf.test/services/data", 200, list)));
        assertThat(retired.level()).isEqualTo(Level.FAIL);
        assertThat(retired.message())
                .isEqualTo(
                        "Salesforce API version 50.0 is not offered (oldest 65.0, newest 66.0): move the connection to"
                                + " a supported version");

        var newest = new ConnectionDefinition(
                "sf", "salesforce", null, Map.of(), null, 10, Map.of("apiVersion", "66.0"), null);
        assertThat(vendor.inspect(newest, Exchanges.at("https://sf.test/services/data/", 200, list)))
                .isEmpty();
        assertThat(vendor.inspect(old, Exchanges.at("https://sf.test/services/data/v65.0/limits", 200, list)))
                .isEmpty();
    }
}
