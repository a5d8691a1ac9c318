package io.driftwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.support.Fixtures;
import io.driftwatch.vendor.VendorRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A probe's request is built once per (connection, spec) and built again when a reload replaces either. */
class ProbeRunnerRequestReuseTest {
    private final AtomicReference<ConnectionDefinition> connection = new AtomicReference<>(connection("http://a.test"));
    private final List<OutgoingRequest> sent = new ArrayList<>();
    private final ProbeRunner runner = new ProbeRunner(
            id -> connection.get(),
            (p, c, r) -> {
                sent.add(r);
                return Fixtures.response(200, "application/json", "{}", 1);
            },
            VendorRegistry.standard(),
            List.of(new BuiltInChecks()),
            Clock.systemUTC());

    @Test
    void buildsAgainOnlyWhenTheConnectionOrTheSpecIsReplaced() {
        ProbeDefinition probe = Fixtures.probe("p", Fixtures.expect(null, null, List.of()));

        runner.run(probe, Instant.now());
        runner.run(probe, Instant.now());
        assertThat(sent.get(1))
                .as("same definitions: the built request is reused")
                .isSameAs(sent.get(0));

        connection.set(connection("http://b.test"));
        runner.run(probe, Instant.now());
        assertThat(sent.get(2).uri().getHost()).isEqualTo("b.test");

        ProbeDefinition moved = withPath(probe, "/elsewhere");
        runner.run(moved, Instant.now());
        assertThat(sent.get(3).uri().getPath()).isEqualTo("/elsewhere");

        runner.forget("p");
        runner.run(moved, Instant.now());
        assertThat(sent.get(4)).as("forgotten: built afresh").isNotSameAs(sent.get(3));
        assertThat(sent.get(4).uri()).isEqualTo(sent.get(3).uri());
    }

    private static ConnectionDefinition connection(String baseUrl) {
        return new ConnectionDefinition("c", "generic", URI.create(baseUrl), Map.of(), null, 1, Map.of(), null);
    }

    private static ProbeDefinition withPath(ProbeDefinition p, String path) {
        RequestSpec r = p.request();
        return new ProbeDefinition(
                p.id(),
                p.description(),
                p.connection(),
                p.schedule(),
                new RequestSpec(
                        r.method(),
                        path,
                        r.query(),
                        r.headers(),
                        r.body(),
                        r.timeout(),
                        r.retry(),
                        r.maxBodyBytes(),
                        r.captureBodyOnFailure()),
                p.expect(),
                p.alert(),
                Map.of(),
                null,
                p.source());
    }
}
