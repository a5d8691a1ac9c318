package io.driftwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.Expectations;
import io.driftwatch.finding.Outcome;
import io.driftwatch.support.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board keeps each probe's latest result without its response body and headers, but with everything else. */
class ResultBoardTest {
    @Test
    void keepsTheLatestResultWithoutItsBodyAndHeaders() {
        var probe = Fixtures.probe("p", new Expectations(null, null, List.of(), null, null, null, List.of()));
        var exchange = Fixtures.response(200, "application/json", "{\"big\":\"payload\"}", 12);
        var result = new ProbeResult(
                "p", null, Instant.EPOCH, Instant.EPOCH, Outcome.PASS, null, exchange, List.of("request"), List.of());
        var board = new ResultBoard();

        board.onResult(probe, result);

        ProbeResult kept = board.latest("p").orElseThrow();
        assertThat(kept.exchange().body()).isEmpty();
        assertThat(kept.exchange().headers()).isEmpty();
        assertThat(kept.exchange().bodyBytes()).isEqualTo(exchange.bodyBytes());
        assertThat(kept.exchange().status()).isEqualTo(200);
        assertThat(kept.exchange().totalNanos()).isEqualTo(exchange.totalNanos());
        assertThat(kept.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.exchange().body())
                .as("the listener's input is left alone")
                .isNotEmpty();
        assertThat(result.exchange().headers()).containsKey("content-type");
    }
}
