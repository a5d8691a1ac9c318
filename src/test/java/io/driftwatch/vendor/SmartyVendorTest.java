package io.driftwatch.vendor;

import static io.driftwatch.vendor.QuickBooksVendorTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.vendor.smarty.SmartyVendor;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartyVendorTest {
    @TempDir
    static Path keys;

    static VendorHarness h;
    private final SmartyVendor vendor = new SmartyVendor();
    private final ConnectionDefinition bare =
            new ConnectionDefinition("s", "smarty", URI.create("https://s.test"), Map.of(), null, 10, Map.of(), null);

    @BeforeAll
    static void start() {
        h = new VendorHarness(SandboxConfig.builder(), keys, new InMemoryTokenStore());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @AfterEach
    void reset() {
        h.sandbox.resetScenarios();
    }

    @Test
    void getLookupsAlwaysCarryMatchAndCandidates() {
        var r = vendor.prepare(
                bare, new OutgoingRequest("GET", URI.create("https://s.test/street-address?street=x"), Map.of(), null));
        assertThat(r.uri().getRawQuery()).isEqualTo("street=x&match=strict&candidates=1");
        var kept = vendor.prepare(
                bare,
                new OutgoingRequest(
                        "GET",
                        URI.create("https://s.test/street-address?match=enhanced&candidates=5"),
                        Map.of(),
                        null));
        assertThat(kept.uri().getRawQuery()).isEqualTo("match=enhanced&candidates=5");
        var post = vendor.prepare(
                bare, new OutgoingRequest("POST", URI.create("https://s.test/street-address"), Map.of(), null));
        assertThat(post.uri().getRawQuery()).isNull();
    }

    @Test
    void authAndNoMatchAgainstTheSandbox() {
        Exchange e = h.get("smarty", "/street-address?street=1+Nowhere+Lane&city=Springfield&state=ZZ");
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.url()).contains("auth-id=****").contains("auth-token=****").contains("match=strict");
        Finding f = only(vendor.inspect(h.connection("smarty"), e));
        assertThat(f.level()).isEqualTo(Level.INFO);
        assertThat(f.message()).isEqualTo("Smarty found no candidate for the address");
    }

    @Test
    void statusCodesMapToClearFindings() {
        h.sandbox.setScenario(Scenario.of("revoked-token", Map.of("vendor", "smarty")));
        Finding unauthorized =
                only(vendor.inspect(h.connection("smarty"), h.get("smarty", "/street-address?street=x&zipcode=1")));
        assertThat(unauthorized.kind()).isEqualTo(FindingKind.AUTH);
        assertThat(unauthorized.message()).isEqualTo("Smarty 401: credentials rejected: check auth-id and auth-token");
        assertThat(unauthorized.evidence().get("errors")).startsWith("Unauthorized:");
        h.sandbox.resetScenarios();

        Finding unprocessable =
                only(vendor.inspect(h.connection("smarty"), h.get("smarty", "/street-address?street=1+Main")));
        assertThat(unprocessable.message())
                .isEqualTo(
                        "Smarty 422: lookup lacks required fields: send a ZIP code, or city and state, with the street");
        Finding malformed = only(vendor.inspect(h.connection("smarty"), h.get("smarty", "/street-address?city=Provo")));
        assertThat(malformed.message())
                .isEqualTo(
                        "Smarty 400: malformed request: a GET without street, or a POST body that is not valid JSON");

        assertThat(only(vendor.inspect(bare, Exchanges.of(402, "{\"errors\":[{\"message\":\"Payment Required\"}]}")))
                        .message())
                .isEqualTo("Smarty 402: subscription or payment required: the account has no active subscription");
        assertThat(only(vendor.inspect(bare, Exchanges.of(413, ""))).message())
                .isEqualTo("Smarty 413: request too large: at most 100 lookups per batch");
    }

    @Test
    void a429IsRetriedAfterRetryAfterAndReportedAsQuota() {
        h.sandbox.setScenario(Scenario.of("throttle-storm", Map.of("vendor", "smarty", "retryAfter", "1")));
        Exchange e = h.get("smarty", "/street-address?street=1600+Amphitheatre+Pkwy&zipcode=94043");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.attempts()).isEqualTo(3); // the executor honoured Retry-After between attempts
        Finding f = only(vendor.inspect(h.connection("smarty"), e));
        assertThat(f.kind()).isEqualTo(FindingKind.QUOTA);
        assertThat(f.evidence()).containsEntry("retryAfter", "1");
    }
}
