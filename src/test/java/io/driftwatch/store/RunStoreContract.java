package io.driftwatch.store;

import static io.driftwatch.store.StoreAccess.micros;
import static io.driftwatch.store.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.finding.Outcome;
import io.driftwatch.probe.ProbeResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Saving and reading runs: every field, findings, history order, latest, restarts. Run unchanged on every
 * dialect by the {@link StoreFixture} subclasses ({@link H2RunStoreTest}, {@link PostgresRunStoreTest}).
 */
interface RunStoreContract extends StoreAccess {
    @Test
    default void detectsTheDialectAndAppliesMigrationV1() throws SQLException {
        assertThat(db().dialect()).isSameAs(expectedDialect());
        try (Connection c = db().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    default void savedRunReadsBackWithEveryFieldToTheMicrosecond() {
        ProbeResult result = TestRuns.passing("qbo-invoice-read", T0);

        store().save(result);

        StoredRun run = store().latest("qbo-invoice-read").orElseThrow();
        assertThat(run).isEqualTo(StoredRun.from(result));
        assertThat(run.connection()).isEqualTo("quickbooks");
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(run.scheduledAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.120456Z"));
        assertThat(run.outcome()).isEqualTo(Outcome.PASS);
        assertThat(run.failureKind()).isNull();
        assertThat(run.httpStatus()).isEqualTo(200);
        assertThat(run.timeToHeaders()).isEqualTo(Duration.ofNanos(12_345_000));
        assertThat(run.total()).isEqualTo(Duration.ofMillis(15));
        assertThat(run.totalMillis()).isEqualTo(15.0);
        assertThat(run.bodyBytes()).isEqualTo(512);
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(run.certificateDaysLeft()).isEqualTo(42);
        assertThat(run.findings()).isEmpty();
    }

    @Test
    default void failedRunWithoutResponseKeepsNullStatusAndItsTimings() {
        ProbeResult result = TestRuns.timedOut(
                "sf-account", T0, List.of(Finding.fail("status", FindingKind.TIMEOUT, "no response within 5s")));

        store().save(result);

        StoredRun run = store().latest("sf-account").orElseThrow();
        assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(run.failureKind()).isEqualTo("timeout");
        assertThat(run.httpStatus()).isNull();
        assertThat(run.certificateDaysLeft()).isNull();
        assertThat(run.timeToHeaders()).isEqualTo(Duration.ZERO);
        assertThat(run.total()).isEqualTo(Duration.ofSeconds(5));
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(run.findings()).containsExactly(Finding.fail("status", "timeout", "no response within 5s"));
    }

    @Test
    default void runThatNeverReachedTheWireIsStoredWithoutTimings() {
        store().save(TestRuns.withoutExchange("smarty-verify", T0));

        StoredRun run = store().latest("smarty-verify").orElseThrow();
        assertThat(run.scheduledAt()).isEqualTo(run.startedAt());
        assertThat(run.connection()).isNull();
        assertThat(run.httpStatus()).isNull();
        assertThat(run.timeToHeaders()).isNull();
        assertThat(run.total()).isNull();
        assertThat(run.totalMillis()).isNull();
        assertThat(run.attempts()).isZero();
        assertThat(run.findings())
                .containsExactly(Finding.fail("auth", "auth", "token refresh failed: HTTP 400 invalid_grant"));
    }

    @Test
    default void findingsRoundTripWithOrderedEvidenceUnicodeAndControlCharacters() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("path", "$.Invoice.Line[?(@.DetailType == 'SalesItemLineDetail')].Amount");
        evidence.put("expected", "1234.56");
        evidence.put("actual", "1234.57 \"quoted\" \\ back\\slash");
        evidence.put("ünïcödé", "日本語 Ελληνικά emoji 😀 nul\u0000 tab\t newline\n");
        evidence.put("absent", null);
        List<Finding> findings = List.of(
                new Finding("totals[0]", FindingKind.TOTALS, Level.FAIL, "lines-vs-total off by $0.01 — ≠", evidence),
                Finding.warn("latency", FindingKind.LATENCY, "took 180 ms, degraded above 150 ms")
                        .withEvidence("degraded", "150ms"),
                new Finding("schema", FindingKind.SCHEMA_DRIFT, Level.INFO, "", Map.of()));

        store().save(TestRuns.timedOut("qbo-totals", T0, findings));

        List<Finding> stored = store().latest("qbo-totals").orElseThrow().findings();
        assertThat(stored).isEqualTo(findings);
        assertThat(stored.get(0).evidence().keySet())
                .containsExactly("path", "expected", "actual", "ünïcödé", "absent");
        assertThat(store().history("qbo-totals", 1).get(0).findings()).isEqualTo(findings);
    }

    @Test
    default void historyIsNewestFirstAndLimited() {
        for (int i = 0; i < 5; i++) store().save(TestRuns.passing("p", T0.plusSeconds(i)));
        store().save(TestRuns.passing("other", T0.plusSeconds(100)));

        List<StoredRun> history = store().history("p", 3);

        assertThat(history)
                .extracting(StoredRun::startedAt)
                .containsExactly(micros(T0.plusSeconds(4)), micros(T0.plusSeconds(3)), micros(T0.plusSeconds(2)));
        assertThat(store().history("p", 100)).hasSize(5);
        assertThat(store().history("never-ran", 10)).isEmpty();
        assertThatThrownBy(() -> store().history("p", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history limit must be at least 1, got 0");
    }

    @Test
    default void latestIsTheNewestStartEvenWhenAnOlderRunIsSavedLater() {
        store().save(TestRuns.passing("p", T0.plusSeconds(10)));
        store().save(TestRuns.timedOut("p", T0, List.of()));

        assertThat(store().latest("p").orElseThrow().startedAt()).isEqualTo(micros(T0.plusSeconds(10)));
        assertThat(store().history("p", 10)).hasSize(2);

        // Within one batch too: the newest start wins whatever the order in the batch.
        store().saveAll(List.of(
                TestRuns.passing("q", T0.plusSeconds(30)),
                TestRuns.passing("q", T0.plusSeconds(50)),
                TestRuns.passing("q", T0.plusSeconds(40))));
        assertThat(store().latest("q").orElseThrow().startedAt()).isEqualTo(micros(T0.plusSeconds(50)));
    }

    @Test
    default void latestOfAProbeThatNeverRanIsEmpty() {
        assertThat(store().latest("never-ran")).isEmpty();
        assertThat(store().latestAll()).isEmpty();
    }

    @Test
    default void latestAllHasTheNewestRunOfEveryProbeInIdOrder() {
        List<ProbeResult> batch = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String probe : List.of("c-probe", "a-probe", "b-probe")) {
                batch.add(TestRuns.passing(probe, T0.plusSeconds(round)));
            }
        }
        store().saveAll(batch);
        store().save(TestRuns.withoutExchange("b-probe", T0.plusSeconds(9)));

        Map<String, StoredRun> latest = store().latestAll();

        assertThat(latest.keySet()).containsExactly("a-probe", "b-probe", "c-probe");
        assertThat(latest.get("a-probe").startedAt()).isEqualTo(micros(T0.plusSeconds(2)));
        assertThat(latest.get("b-probe").failureKind()).isEqualTo("auth");
        assertThat(latest.get("c-probe")).isEqualTo(store().latest("c-probe").orElseThrow());
    }

    @Test
    default void historySurvivesClosingAndReopeningTheDatabase() {
        store().save(TestRuns.passing("p", T0));
        store().save(TestRuns.timedOut("p", T0.plusSeconds(60), List.of(Finding.fail("status", "timeout", "slow"))));
        reopen();

        assertThat(store().history("p", 10)).extracting(StoredRun::outcome).containsExactly(Outcome.FAIL, Outcome.PASS);
        assertThat(store().latest("p").orElseThrow().findings())
                .containsExactly(Finding.fail("status", "timeout", "slow"));
    }
}
