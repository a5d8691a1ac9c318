package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.testing.MutableClock;
import io.driftwatch.vendor.quickbooks.QuickBooksVendor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickBooksVendorTest {
    private final MutableClock clock = new MutableClock();
    private final AuthStatuses statuses = new AuthStatuses();
    private final QuickBooksVendor vendor = new QuickBooksVendor(statuses, clock);
    private final ConnectionDefinition connection = new ConnectionDefinition(
            "qbo", "quickbooks", URI.create("https://q.test"), Map.of(), null, 10, Map.of(), null);

    @Test
    void addsMinorVersionAndAcceptToAccountingCallsOnly() {
        var r = vendor.prepare(connection, get("https://q.test/v3/company/1/invoice/130"));
        assertThat(r.uri().toString()).isEqualTo("https://q.test/v3/company/1/invoice/130?minorversion=75");
        assertThat(r.headers()).containsEntry("Accept", List.of("application/json"));
        var pinned = vendor.prepare(
                new ConnectionDefinition(
                        "q", "quickbooks", null, Map.of(), null, 10, Map.of("minorversion", "80"), null),
                get("https://q.test/v3/company/1/query?query=x&minorversion=70"));
        assertThat(pinned.uri().getRawQuery()).isEqualTo("query=x&minorversion=70");
        assertThat(vendor.prepare(connection, get("https://q.test/other")).uri().getRawQuery())
                .isNull();
        assertThat(vendor.requestIdHeader()).isEqualTo("intuit_tid");
    }

    @Test
    void standardFaultBecomesAFindingWithCodeMessageAndElement() {
        String body = "{\"Fault\":{\"Error\":[{\"Message\":\"Amount calculation incorrect\",\"Detail\":\"Amount is not"
                + " equal to UnitPrice * Qty\",\"code\":\"6070\",\"element\":\"Line.Amount\"}],\"type\":\"ValidationFault\"},"
                + "\"time\":\"2017-09-29T09:17:31.892-07:00\"}";
        Finding f = only(vendor.inspect(connection, Exchanges.of(400, body, "intuit_tid", "1-abc")));
        assertThat(f.kind()).isEqualTo(FindingKind.VENDOR_ERROR);
        assertThat(f.level()).isEqualTo(Level.FAIL);
        assertThat(f.message())
                .isEqualTo(
                        "QuickBooks fault 6070 (ValidationFault): Amount calculation incorrect [element Line.Amount]");
        assertThat(f.evidence())
                .containsEntry("detail", "Amount is not equal to UnitPrice * Qty")
                .containsEntry("shape", "standard")
                .containsEntry("intuit_tid", "1-abc");
    }

    @Test
    void gatewayFaultIsAnAuthFinding() {
        String body =
                "{\"warnings\":null,\"intuitObject\":null,\"fault\":{\"error\":[{\"message\":\"message=AuthenticationFailed;"
                        + " errorCode=003200; statusCode=401\",\"detail\":\"Token expired\",\"code\":\"3200\",\"element\":null}],"
                        + "\"type\":\"AUTHENTICATION\"},\"report\":null,\"time\":1633520295688}";
        Finding f = only(vendor.inspect(connection, Exchanges.of(401, body)));
        assertThat(f.kind()).isEqualTo(FindingKind.AUTH);
        assertThat(f.message())
                .isEqualTo("QuickBooks fault 3200 (AUTHENTICATION): message=AuthenticationFailed; errorCode=003200;"
                        + " statusCode=401");
        assertThat(f.evidence()).containsEntry("shape", "gateway").doesNotContainKey("element");
    }

    @Test
    void faultsWithHttp200AndInBatchItemsAreFound() {
        String body =
                "{\"BatchItemResponse\":[{\"bId\":\"1\",\"Fault\":{\"Error\":[{\"Message\":\"Duplicate Document Number"
                        + " Error\",\"code\":\"6140\"}],\"type\":\"ValidationFault\"}}],\"time\":\"x\"}";
        Finding f = only(vendor.inspect(connection, Exchanges.of(200, body)));
        assertThat(f.message())
                .isEqualTo(
                        "QuickBooks fault 6140 (ValidationFault): Duplicate Document Number Error (arrived with HTTP 200)");
    }

    @Test
    void xmlThrottleFaultIsQuota() {
        String body = "<?xml version=\"1.0\"?><IntuitResponse time=\"t\"><Fault type=\"SERVICE\"><Error code=\"3001\""
                + " element=\"\"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message><Detail>The"
                + " request limit was reached.  Try again later</Detail></Error></Fault></IntuitResponse>";
        Finding f = only(vendor.inspect(connection, Exchanges.of(429, body)));
        assertThat(f.kind()).isEqualTo(FindingKind.QUOTA);
        assertThat(f.message())
                .isEqualTo(
                        "QuickBooks fault 3001 (SERVICE): message=ThrottleExceeded; errorCode=003001; statusCode=429");
        assertThat(f.evidence())
                .containsEntry("shape", "xml")
                .containsEntry("detail", "The request limit was reached.  Try again later");
    }

    @Test
    void plain429AndCleanResponses() {
        assertThat(only(vendor.inspect(connection, Exchanges.of(429, ""))).message())
                .isEqualTo("QuickBooks throttled the request (HTTP 429 without a fault body)");
        assertThat(vendor.inspect(
                        connection, Exchanges.of(200, "{\"Invoice\":{\"Id\":\"1\",\"Memo\":\"no fault here\"}}")))
                .isEmpty();
        assertThat(vendor.inspect(connection, Exchanges.of(500, "<html>oops</html>")))
                .isEmpty();
    }

    @Test
    void refreshTokenDueSoonIsAWarning() {
        statuses.update(new AuthStatuses.Status(
                "qbo",
                "quickbooks-oauth2",
                AuthStatuses.State.OK,
                clock.instant(),
                clock.instant().plus(Duration.ofDays(100)),
                clock.instant().plus(Duration.ofDays(10)).plusSeconds(5),
                null));
        Finding f = only(vendor.inspect(connection, Exchanges.of(200, "{}")));
        assertThat(f.level()).isEqualTo(Level.WARN);
        assertThat(f.kind()).isEqualTo(FindingKind.AUTH);
        assertThat(f.message())
                .isEqualTo("QuickBooks refresh token expires in 10 days (2026-07-30): reconnect the app before then");

        clock.advance(Duration.ofDays(-20));
        assertThat(vendor.inspect(connection, Exchanges.of(200, "{}"))).isEmpty();
    }

    private static OutgoingRequest get(String uri) {
        return new OutgoingRequest("GET", URI.create(uri), Map.of(), null);
    }

    static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
