package io.driftwatch.probe.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.LatencyExpectation;
import io.driftwatch.config.StatusExpectation;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.CheckContext;
import io.driftwatch.support.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusLatencyCheckTest {
    private static CheckContext ctx(int status, String type, long ms) {
        var probe = Fixtures.probe("p", Fixtures.expect(null, null, List.of()));
        return new CheckContext(
                probe, Fixtures.response(status, type, "<html></html>", ms), Optional.empty(), Clock.systemUTC());
    }

    @Test
    void statusCodesAndClasses() {
        var exp = new StatusExpectation(Set.of(200, 204), Set.of(3));
        var check = new StatusCheck(exp);
        assertThat(check.evaluate(ctx(200, null, 1))).isEmpty();
        assertThat(check.evaluate(ctx(302, null, 1))).isEmpty();
        assertThat(check.evaluate(ctx(500, "text/html; charset=utf-8", 1)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("expected status 200, 204, 3xx, got 500 (HTML error page)");
                    assertThat(f.evidence())
                            .containsEntry("expected", "200, 204, 3xx")
                            .containsEntry("actual", "500");
                });
        assertThat(check.evaluate(ctx(0, null, 1)))
                .as("no response: transport finding covers it")
                .isEmpty();
    }

    @Test
    void latencyMaxFailsDegradedWarns() {
        var check = new LatencyCheck(new LatencyExpectation(Duration.ofMillis(200), Duration.ofMillis(150)));
        assertThat(check.evaluate(ctx(200, null, 100))).isEmpty();
        List<Finding> warn = check.evaluate(ctx(200, null, 170));
        assertThat(warn).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.WARN);
            assertThat(f.message()).isEqualTo("took 170.0 ms, over the degraded of 150ms");
        });
        assertThat(check.evaluate(ctx(200, null, 250))).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.FAIL);
            assertThat(f.message()).isEqualTo("took 250.0 ms, over the max of 200ms");
        });
    }

    @Test
    void contentTypeIgnoresParameters() {
        var check = new ContentTypeCheck("application/json");
        assertThat(check.evaluate(ctx(200, "application/json; charset=UTF-8", 1)))
                .isEmpty();
        assertThat(check.evaluate(ctx(200, "text/html", 1)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("expected content type application/json, got text/html");
    }
}
