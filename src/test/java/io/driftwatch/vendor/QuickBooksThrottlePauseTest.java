package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.sandbox.SandboxConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realm-wide pause after QuickBooks throttles: the sandbox enforces a small per-minute limit the client
 * does not know about, one run is throttled, and every later run to that company waits the pause out
 * (the shared clock moves) instead of collecting its own 429.
 */
class QuickBooksThrottlePauseTest {
    static final int SANDBOX_LIMIT = 25;

    @TempDir
    static Path keys;

    private VendorHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void afterOneThrottledRunTheOthersWaitInsteadOfHitting429() throws Exception {
        h = new VendorHarness(
                SandboxConfig.builder().qboRequestsPerMinute(SANDBOX_LIMIT), keys, new InMemoryTokenStore());
        // The client believes it may send 1000/min, so only the sandbox's 429 can hold it back.
        var c = Connections.withSettings(
                h.connection("quickbooks"), Map.of("requestsPerMinute", "1000", "throttlePauseSeconds", "61"));
        for (int i = 0; i < SANDBOX_LIMIT; i++) assertThat(send(c).status()).isEqualTo(200);

        Exchange throttled = send(c);
        assertThat(throttled.status()).isEqualTo(429);
        long throttledSoFar = h.sandbox.stats().qboThrottled();
        Instant throttledAt = h.clock.instant();

        // Still inside the sandbox's minute: without the pause each of these would be a 429.
        var results = new ArrayList<Future<Exchange>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) results.add(threads.submit(() -> send(c)));
        }
        for (var f : results)
            assertThat(f.get().status()).as("%s", f.get().failure()).isEqualTo(200);
        assertThat(h.sandbox.stats().qboThrottled()).isEqualTo(throttledSoFar);
        assertThat(Duration.between(throttledAt, h.clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void aRunWhoseQueueTimeEndsBeforeThePauseFailsAtOnceAsQuota() {
        h = new VendorHarness(SandboxConfig.builder().qboRequestsPerMinute(1), keys, new InMemoryTokenStore());
        var c = Connections.withSettings(
                h.connection("quickbooks"), Map.of("requestsPerMinute", "1000", "maxQueueSeconds", "5"));
        assertThat(send(c).status()).isEqualTo(200);
        assertThat(send(c).status()).isEqualTo(429);
        long sent = h.sandbox.stats().qboApiRequests() + h.sandbox.stats().qboThrottled();
        Instant before = h.clock.instant();

        Exchange refused = send(c);
        assertThat(refused.failure().kind()).isEqualTo(FindingKind.QUOTA);
        assertThat(refused.failure().message())
                .isEqualTo("QuickBooks throttled company "
                        + h.sandbox.credentials().qboRealmId() + ": requests paused until " + before.plusSeconds(60)
                        + ", beyond this run's 5 s queue time");
        assertThat(h.sandbox.stats().qboApiRequests() + h.sandbox.stats().qboThrottled())
                .isEqualTo(sent);
        assertThat(h.clock.instant()).isEqualTo(before);
    }

    private Exchange send(ConnectionDefinition c) {
        var creds = h.sandbox.credentials();
        URI uri = URI.create(c.baseUrl().toString().replaceAll("/+$", "") + "/v3/company/" + creds.qboRealmId()
                + "/invoice/" + creds.qboKnownInvoiceId());
        return h.send(c, new OutgoingRequest("GET", uri, Map.of(), null), VendorHarness.options("pause"));
    }
}
