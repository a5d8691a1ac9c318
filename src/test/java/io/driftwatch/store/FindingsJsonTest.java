package io.driftwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingsJsonTest {

    @Test
    void encodesTheDocumentedShapeWithEvidenceInOrder() {
        Finding finding = Finding.fail("latency", FindingKind.LATENCY, "took 250 ms, max 200 ms")
                .withEvidence("max", "200ms")
                .withEvidence("actual", "250.4ms");

        assertThat(FindingsJson.encode(List.of(finding)))
                .isEqualTo(
                        "[{\"check\":\"latency\",\"kind\":\"latency\",\"level\":\"FAIL\","
                                + "\"message\":\"took 250 ms, max 200 ms\",\"evidence\":{\"max\":\"200ms\",\"actual\":\"250.4ms\"}}]");
        assertThat(FindingsJson.encode(List.of())).isEqualTo("[]");
    }

    @Test
    void escapesNulSoPostgresqlAcceptsIt() {
        String json = FindingsJson.encode(List.of(Finding.warn("a", "b", "nul\u0000here")));

        assertThat(json).doesNotContain("\u0000").contains("nul\\u0000here");
        assertThat(FindingsJson.decode(json).get(0).message()).isEqualTo("nul\u0000here");
    }

    @Test
    void cutsOversizedValuesAndKeepsEveryFindingWhenThatIsEnough() {
        Finding huge = Finding.fail("schema", FindingKind.SCHEMA_DRIFT, "m".repeat(10))
                .withEvidence("body", "é".repeat(FindingsJson.MAX_CHARS + 5));

        List<Finding> stored = FindingsJson.decode(FindingsJson.encode(List.of(huge, Finding.warn("x", "y", "z"))));

        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).evidence().get("body"))
                .isEqualTo("é".repeat(FindingsJson.MAX_VALUE_CHARS) + FindingsJson.CUT_MARK);
        assertThat(stored.get(0).message()).isEqualTo("mmmmmmmmmm");
        assertThat(stored.get(1)).isEqualTo(Finding.warn("x", "y", "z"));
    }

    @Test
    void dropsTrailingFindingsPastTheColumnSizeAndSaysHowMany() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(new Finding(
                    "assertion[" + i + "]", FindingKind.ASSERTION, Level.FAIL, "v".repeat(1_000), Map.of()));
        }

        String json = FindingsJson.encode(many);
        List<Finding> stored = FindingsJson.decode(json);

        assertThat(json.length()).isLessThanOrEqualTo(FindingsJson.MAX_CHARS);
        Finding note = stored.get(stored.size() - 1);
        int kept = stored.size() - 1;
        assertThat(kept).isGreaterThan(900);
        assertThat(stored.subList(0, kept)).isEqualTo(many.subList(0, kept));
        assertThat(note)
                .isEqualTo(new Finding(
                        "store",
                        "internal",
                        Level.INFO,
                        (2_000 - kept) + " more findings not stored: findings over 1000000 characters of JSON",
                        Map.of()));
    }

    @Test
    void rejectsTextThatIsNotAFindingsArray() {
        assertThatThrownBy(() -> FindingsJson.decode("{\"check\":1}"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(
                        "stored findings are not valid JSON: expected START_ARRAY but found START_OBJECT");
    }
}
