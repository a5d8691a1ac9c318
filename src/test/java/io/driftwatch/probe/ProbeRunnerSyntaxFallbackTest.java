package io.driftwatch.probe;

import static io.driftwatch.probe.ProbeRunnerSyntaxOnlyTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Bodies the {@link JsonSyntax} fast path leaves to Jackson are judged by Jackson, through the runner:
 * valid ones pass, invalid ones are {@code invalid-json} with Jackson's position.
 */
class ProbeRunnerSyntaxFallbackTest {
    @Test
    void validBodiesTheFastPathIsUnsureOfPass() {
        for (String body : new String[] {
            "{\"\\u0061\":1,\"b\":2}", "[" + "[".repeat(JsonSyntax.MAX_DEPTH) + "]".repeat(JsonSyntax.MAX_DEPTH) + "]"
        }) {
            assertThat(JsonSyntax.isCertainlyValid(JsonSyntaxTest.utf8(body))).isFalse();
            assertThat(run(body).outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Test
    void keysEqualOnlyOnceDecodedAreDuplicatesFoundByJackson() {
        ProbeResult r = run("{\"a\":1,\n\"\\u0061\":2}");
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(FindingKind.INVALID_JSON);
        assertThat(r.findings().get(0).message()).contains("line 2");
    }
}
