package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.http.Sleeper;
import io.driftwatch.testing.MutableClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VendorMetricsTest {
    final MutableClock clock = new MutableClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final VendorSupport vendors = new VendorSupport(clock, new InMemoryTokenStore(), Sleeper.REAL);
    final Set<String> configured = new HashSet<>(Set.of("qbo", "sf"));
    final VendorMetrics metrics = new VendorMetrics(registry, vendors, () -> Set.copyOf(configured), clock);

    Gauge gauge(String name, String connection) {
        return registry.find(name).tag("connection", connection).gauge();
    }

    @Test
    void seriesAppearWithAValueFollowTheSourceAndLeaveWithTheConnection() {
        metrics.sync();
        assertThat(registry.getMeters()).isEmpty();

        vendors.quotas().record("sf", 0.25);
        vendors.authStatuses()
                .update(new AuthStatuses.Status(
                        "qbo",
                        "quickbooks-oauth2",
                        AuthStatuses.State.OK,
                        clock.instant(),
                        clock.instant().plus(Duration.ofDays(100)),
                        clock.instant().plus(Duration.ofDays(30)),
                        null));
        metrics.sync();
        assertThat(gauge(VendorMetrics.QUOTA, "sf").value()).isEqualTo(0.25);
        // The earlier of the rolling and the hard expiry.
        assertThat(gauge(VendorMetrics.REFRESH_EXPIRY, "qbo").value())
                .isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(gauge(VendorMetrics.QUOTA, "qbo")).isNull();

        vendors.quotas().record("sf", 0.9);
        clock.advance(Duration.ofDays(1));
        assertThat(gauge(VendorMetrics.QUOTA, "sf").value()).isEqualTo(0.9);
        assertThat(gauge(VendorMetrics.REFRESH_EXPIRY, "qbo").value())
                .isEqualTo(Duration.ofDays(29).toSeconds());

        configured.remove("sf");
        metrics.sync();
        assertThat(gauge(VendorMetrics.QUOTA, "sf")).isNull();
        assertThat(gauge(VendorMetrics.REFRESH_EXPIRY, "qbo")).isNotNull();
    }

    @Test
    void aLostAuthorizationReadsZeroSecondsLeft() {
        var expires = clock.instant().plus(Duration.ofDays(50));
        vendors.authStatuses()
                .update(new AuthStatuses.Status(
                        "qbo", "quickbooks-oauth2", AuthStatuses.State.OK, clock.instant(), expires, null, null));
        metrics.sync();
        vendors.authStatuses()
                .update(new AuthStatuses.Status(
                        "qbo",
                        "quickbooks-oauth2",
                        AuthStatuses.State.LOST,
                        null,
                        expires,
                        null,
                        "QuickBooks authorization lost: reconnect the app"));
        assertThat(gauge(VendorMetrics.REFRESH_EXPIRY, "qbo").value()).isZero();
    }
}
