package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.finding.FindingKind;
import io.driftwatch.http.Exchange;
import io.driftwatch.sandbox.SandboxConfig;
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
 * The client-side limiter against the sandbox's enforcement of Intuit's documented limits (500/min and
 * 10 concurrent per company): a burst of queued runs is never throttled. The limiter waits by moving the
 * shared clock, so minutes pass in no time.
 */
class QuickBooksRateLimitTest {
    @TempDir
    static Path keys;

    private VendorHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void aBurstOf2000QueuedRunsNeverExceeds500PerMinuteOr10Concurrent() throws Exception {
        h = new VendorHarness(SandboxConfig.builder(), keys, new InMemoryTokenStore());
        int runs = 2000;
        Instant start = h.clock.instant();
        // Long enough a queue for every run to get its turn (2000 runs need four minutes at 500/min).
        var c = Connections.withSettings(h.connection("quickbooks"), Map.of("maxQueueSeconds", "600"));
        var results = new ArrayList<Future<Exchange>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < runs; i++) {
                results.add(threads.submit(() -> h.send(c, request(c), VendorHarness.options("burst"))));
            }
        }
        for (var f : results)
            assertThat(f.get().status()).as("%s", f.get().failure()).isEqualTo(200);
        var stats = h.sandbox.stats();
        assertThat(stats.qboApiRequests()).isEqualTo(runs);
        assertThat(stats.qboThrottled()).isZero();
        assertThat(stats.qboPeakConcurrent()).isBetween(1, 10);
        // 2000 requests at 500 per sliding minute need at least three further minutes after the first 500.
        assertThat(Duration.between(start, h.clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(3));
    }

    private String invoicePath() {
        var c = h.sandbox.credentials();
        return "/v3/company/" + c.qboRealmId() + "/invoice/" + c.qboKnownInvoiceId();
    }

    @Test
    void aRunThatFindsNoSlotInTimeFailsAsQuota() {
        h = new VendorHarness(SandboxConfig.builder(), keys, new InMemoryTokenStore());
        var c = Connections.withSettings(
                h.connection("quickbooks"), Map.of("requestsPerMinute", "1", "maxQueueSeconds", "1"));
        assertThat(h.send(c, request(c), VendorHarness.options("a")).status()).isEqualTo(200);
        Exchange refused = h.send(c, request(c), VendorHarness.options("b"));
        assertThat(refused.failure().kind()).isEqualTo(FindingKind.QUOTA);
        assertThat(refused.failure().message())
                .isEqualTo("QuickBooks client-side limit for company "
                        + h.sandbox.credentials().qboRealmId()
                        + ": no request slot within 1 s (1 requests/min, 10 at once)");
        assertThat(h.sandbox.stats().qboApiRequests()).isEqualTo(1);
    }

    private io.driftwatch.http.OutgoingRequest request(io.driftwatch.config.ConnectionDefinition c) {
        return new io.driftwatch.http.OutgoingRequest(
                "GET",
                java.net.URI.create(c.baseUrl().toString().replaceAll("/+$", "") + invoicePath()),
                Map.of(),
                null);
    }
}
