package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileStatsTest {

    @Test
    void keepsTheLatestEvaluationPerCheckAndAnnouncesNewChecksOnce() {
        List<String> announced = new ArrayList<>();
        ReconcileStats stats = new ReconcileStats(announced::add);

        stats.record("sf-vs-qbo", new ReconcileSummary(new BigDecimal("0.02"), Map.of(MismatchKind.AMOUNT, 3)));
        stats.record("sf-vs-qbo", new ReconcileSummary(new BigDecimal("0.50"), Map.of(MismatchKind.ORPHAN_TARGET, 1)));

        assertThat(announced).containsExactly("sf-vs-qbo");
        assertThat(stats.largestDelta("sf-vs-qbo")).isEqualTo(0.5);
        assertThat(stats.mismatches("sf-vs-qbo", MismatchKind.AMOUNT))
                .as("a gauge of the latest run")
                .isZero();
        assertThat(stats.mismatches("sf-vs-qbo", MismatchKind.ORPHAN_TARGET)).isEqualTo(1);
        assertThat(stats.largestDelta("never-ran")).isZero();
        assertThat(stats.checks()).containsExactly("sf-vs-qbo");
    }

    @Test
    void noneRecordsNothing() {
        ReconcileStats.NONE.record("x", new ReconcileSummary(BigDecimal.ONE, Map.of(MismatchKind.TOTALS, 1)));

        assertThat(ReconcileStats.NONE.checks()).isEmpty();
    }

    @Test
    void summariesMergeByKindAndKeepTheLargestDelta() {
        ReconcileSummary a = new ReconcileSummary(new BigDecimal("0.02"), Map.of(MismatchKind.TOTALS, 1));
        ReconcileSummary b =
                new ReconcileSummary(new BigDecimal("0.01"), Map.of(MismatchKind.TOTALS, 2, MismatchKind.AMOUNT, 0));

        ReconcileSummary merged = a.merge(b);

        assertThat(merged.largestAbsDelta()).isEqualByComparingTo("0.02");
        assertThat(merged.mismatches()).containsExactly(Map.entry(MismatchKind.TOTALS, 3));
        assertThat(merged.total()).isEqualTo(3);
    }
}
