package io.driftwatch.store;

import static io.driftwatch.store.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.finding.Outcome;
import io.driftwatch.probe.ProbeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract, run unchanged against every dialect: {@link H2RunStoreTest} (a file in a temp
 * dir) and {@link PostgresRunStoreTest} (a fresh database on 127.0.0.1:5432).
 */
abstract class RunStoreContract {
    Database db;
    RunStore store;

    /** The URL of an empty (or already migrated) database this test may use alone. */
    abstract String jdbcUrl();

    abstract Dialect expectedDialect();

    @BeforeEach
    void openStore() throws SQLException {
        db = Database.open(jdbcUrl());
        store = new RunStore(db);
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM probe_run");
            s.executeUpdate("DELETE FROM probe_latest");
        }
    }

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    @Test
    void detectsTheDialectAndAppliesMigrationV1() throws SQLException {
        assertThat(db.dialect()).isSameAs(expectedDialect());
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void savedRunReadsBackWithEveryFieldToTheMicrosecond() {
        ProbeResult result = TestRuns.passing("qbo-invoice-read", T0);

        store.save(result);

        StoredRun run = store.latest("qbo-invoice-read").orElseThrow();
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
    void failedRunWithoutResponseKeepsNullStatusAndItsTimings() {
        ProbeResult result = TestRuns.timedOut(
                "sf-account", T0, List.of(Finding.fail("status", FindingKind.TIMEOUT, "no response within 5s")));

        store.save(result);

        StoredRun run = store.latest("sf-account").orElseThrow();
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
    void runThatNeverReachedTheWireIsStoredWithoutTimings() {
        store.save(TestRuns.withoutExchange("smarty-verify", T0));

        StoredRun run = store.latest("smarty-verify").orElseThrow();
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
    void findingsRoundTripWithOrderedEvidenceUnicodeAndControlCharacters() {
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

        store.save(TestRuns.timedOut("qbo-totals", T0, findings));

        List<Finding> stored = store.latest("qbo-totals").orElseThrow().findings();
        assertThat(stored).isEqualTo(findings);
        assertThat(stored.get(0).evidence().keySet())
                .containsExactly("path", "expected", "actual", "ünïcödé", "absent");
        assertThat(store.history("qbo-totals", 1).get(0).findings()).isEqualTo(findings);
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        for (int i = 0; i < 5; i++) store.save(TestRuns.passing("p", T0.plusSeconds(i)));
        store.save(TestRuns.passing("other", T0.plusSeconds(100)));

        List<StoredRun> history = store.history("p", 3);

        assertThat(history)
                .extracting(StoredRun::startedAt)
                .containsExactly(micros(T0.plusSeconds(4)), micros(T0.plusSeconds(3)), micros(T0.plusSeconds(2)));
        assertThat(store.history("p", 100)).hasSize(5);
        assertThat(store.history("never-ran", 10)).isEmpty();
        assertThatThrownBy(() -> store.history("p", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history limit must be at least 1, got 0");
    }

    @Test
    void latestIsTheNewestStartEvenWhenAnOlderRunIsSavedLater() {
        store.save(TestRuns.passing("p", T0.plusSeconds(10)));
        store.save(TestRuns.timedOut("p", T0, List.of()));

        assertThat(store.latest("p").orElseThrow().startedAt()).isEqualTo(micros(T0.plusSeconds(10)));
        assertThat(store.history("p", 10)).hasSize(2);

        // Within one batch too: the newest start wins whatever the order in the batch.
        store.saveAll(List.of(
                TestRuns.passing("q", T0.plusSeconds(30)),
                TestRuns.passing("q", T0.plusSeconds(50)),
                TestRuns.passing("q", T0.plusSeconds(40))));
        assertThat(store.latest("q").orElseThrow().startedAt()).isEqualTo(micros(T0.plusSeconds(50)));
    }

    @Test
    void latestOfAProbeThatNeverRanIsEmpty() {
        assertThat(store.latest("never-ran")).isEmpty();
        assertThat(store.latestAll()).isEmpty();
    }

    @Test
    void latestAllHasTheNewestRunOfEveryProbeInIdOrder() {
        List<ProbeResult> batch = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String probe : List.of("c-probe", "a-probe", "b-probe")) {
                batch.add(TestRuns.passing(probe, T0.plusSeconds(round)));
            }
        }
        store.saveAll(batch);
        store.save(TestRuns.withoutExchange("b-probe", T0.plusSeconds(9)));

        Map<String, StoredRun> latest = store.latestAll();

        assertThat(latest.keySet()).containsExactly("a-probe", "b-probe", "c-probe");
        assertThat(latest.get("a-probe").startedAt()).isEqualTo(micros(T0.plusSeconds(2)));
        assertThat(latest.get("b-probe").failureKind()).isEqualTo("auth");
        assertThat(latest.get("c-probe")).isEqualTo(store.latest("c-probe").orElseThrow());
    }

    @Test
    void historySurvivesClosingAndReopeningTheDatabase() {
        store.save(TestRuns.passing("p", T0));
        store.save(TestRuns.timedOut("p", T0.plusSeconds(60), List.of(Finding.fail("status", "timeout", "slow"))));
        db.close();

        db = Database.open(jdbcUrl());
        store = new RunStore(db);

        assertThat(store.history("p", 10)).extracting(StoredRun::outcome).containsExactly(Outcome.FAIL, Outcome.PASS);
        assertThat(store.latest("p").orElseThrow().findings())
                .containsExactly(Finding.fail("status", "timeout", "slow"));
    }

    @Test
    void pruneDeletesRunsStartedBeforeTheCutoffInBatches() throws SQLException {
        RunStore smallBatches = new RunStore(db, 10);
        int old = 27; // three delete statements of at most 10 rows
        List<ProbeResult> batch = new ArrayList<>();
        for (int i = 0; i < old; i++) batch.add(TestRuns.passing("p" + (i % 5), T0.plusMillis(i)));
        store.saveAll(batch);
        store.save(TestRuns.passing("p1", T0.plusSeconds(3600)));
        store.save(TestRuns.passing("fresh", T0.plusSeconds(3600)));

        int deleted = smallBatches.prune(T0.plusSeconds(3600));

        assertThat(deleted).isEqualTo(old);
        assertThat(count("probe_run")).isEqualTo(2);
        // A probe whose every run is gone disappears from latest; the others keep their newest run.
        assertThat(store.latestAll().keySet()).containsExactly("fresh", "p1");
        assertThat(store.prune(T0.plusSeconds(3600))).isZero();
    }

    @Test
    void pruneBeyondDeletesInBatchesToo() throws SQLException {
        List<ProbeResult> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) batch.add(TestRuns.passing("busy", T0.plusSeconds(i)));
        store.saveAll(batch);

        assertThat(new RunStore(db, 10).pruneBeyond(4)).isEqualTo(21);
        assertThat(store.history("busy", 100))
                .extracting(StoredRun::startedAt)
                .containsExactly(
                        micros(T0.plusSeconds(24)),
                        micros(T0.plusSeconds(23)),
                        micros(T0.plusSeconds(22)),
                        micros(T0.plusSeconds(21)));
        assertThat(count("probe_run")).isEqualTo(4);
    }

    @Test
    void pruneBeyondKeepsTheNewestRunsOfEachProbe() throws SQLException {
        List<ProbeResult> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) batch.add(TestRuns.passing("busy", T0.plusSeconds(i)));
        batch.add(TestRuns.passing("busy", T0.plusSeconds(9))); // same start as the newest: ties kept by id
        for (int i = 0; i < 2; i++) batch.add(TestRuns.passing("quiet", T0.plusSeconds(i)));
        store.saveAll(batch);

        int deleted = store.pruneBeyond(3);

        assertThat(deleted).isEqualTo(8);
        assertThat(store.history("busy", 100))
                .extracting(StoredRun::startedAt)
                .containsExactly(micros(T0.plusSeconds(9)), micros(T0.plusSeconds(9)), micros(T0.plusSeconds(8)));
        assertThat(store.history("quiet", 100)).hasSize(2);
        assertThat(count("probe_run")).isEqualTo(5);
        assertThatThrownBy(() -> store.pruneBeyond(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runs kept per probe must be at least 1, got 0");
    }

    @Test
    void retentionJobAppliesMaxAgeFromTheClockThenThePerProbeCap() throws SQLException {
        List<ProbeResult> batch = new ArrayList<>();
        for (int day = 0; day < 20; day++) batch.add(TestRuns.passing("daily", T0.plus(Duration.ofDays(day))));
        for (int i = 0; i < 8; i++)
            batch.add(TestRuns.passing("busy", T0.plus(Duration.ofDays(19)).plusSeconds(i)));
        store.saveAll(batch);
        Instant now = T0.plus(Duration.ofDays(20));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        RetentionJob.Result result = new RetentionJob(store, new Retention(Duration.ofDays(14), 5), clock).runOnce();

        // Days 0-5 started before now-14d; of days 6-19, the newest 5 stay; busy keeps its newest 5 of 8.
        assertThat(result.cutoff()).isEqualTo(T0.plus(Duration.ofDays(6)));
        assertThat(result.deletedByAge()).isEqualTo(6);
        assertThat(result.deletedBeyondCap()).isEqualTo(9 + 3);
        assertThat(result.deleted()).isEqualTo(18);
        assertThat(store.history("daily", 100)).hasSize(5);
        assertThat(store.history("busy", 100)).hasSize(5);
        assertThat(count("probe_run")).isEqualTo(10);

        Instant later = T0.plus(Duration.ofDays(40));
        RetentionJob ageOnly =
                new RetentionJob(store, Retention.maxAge(Duration.ofDays(1)), Clock.fixed(later, ZoneOffset.UTC));
        assertThat(ageOnly.runOnce()).isEqualTo(new RetentionJob.Result(later.minus(Duration.ofDays(1)), 10, 0));
        assertThat(store.latestAll()).isEmpty();
    }

    @Test
    void writerFlushWritesEverySubmittedRun() throws SQLException {
        try (RunWriter writer = new RunWriter(store, new RunWriter.Settings(50, 10_000, Duration.ofSeconds(30)))) {
            for (int i = 0; i < 1_000; i++)
                assertThat(writer.submit(TestRuns.passing("p" + (i % 7), T0.plusMillis(i))))
                        .isTrue();

            writer.flush();

            assertThat(count("probe_run")).isEqualTo(1_000);
            assertThat(writer.written()).isEqualTo(1_000);
            assertThat(writer.queued()).isZero();
            assertThat(store.latestAll()).hasSize(7);
            assertThat(store.latest("p6").orElseThrow().startedAt()).isEqualTo(micros(T0.plusMillis(993)));
        }
    }

    @Test
    void writerCloseWritesEveryQueuedRunFromManyThreads() throws Exception {
        RunWriter writer = new RunWriter(store, new RunWriter.Settings(200, 20_000, Duration.ofSeconds(60)));
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            producers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 250; i++) writer.submit(TestRuns.passing("t" + thread, T0.plusMillis(i)));
            }));
        }
        for (Thread producer : producers) producer.join();

        writer.close();

        assertThat(count("probe_run")).isEqualTo(2_000);
        assertThat(writer.written()).isEqualTo(2_000);
        assertThat(writer.dropped()).isZero();
        assertThat(writer.submit(TestRuns.passing("late", T0))).isFalse();
        assertThat(writer.dropped()).isEqualTo(1);
        writer.flush(); // after close: returns at once
        assertThat(store.latest("late")).isEmpty();
    }

    @Test
    void writerDropsOnlyTheRunTheStoreRejects() throws SQLException {
        String tooLong = "x".repeat(300); // probe_id holds 200 characters
        try (RunWriter writer = new RunWriter(store, new RunWriter.Settings(100, 1_000, Duration.ofSeconds(30)))) {
            writer.submit(TestRuns.passing("a", T0));
            writer.submit(TestRuns.passing(tooLong, T0));
            writer.submit(TestRuns.passing("b", T0));

            writer.flush();

            assertThat(writer.dropped()).isEqualTo(1);
            assertThat(writer.written()).isEqualTo(2);
            assertThat(store.latestAll().keySet()).containsExactly("a", "b");
            assertThat(count("probe_run")).isEqualTo(2);
        }
    }

    @Test
    void inTransactionCommitsOnReturnAndRollsBackOnException() throws SQLException {
        String insert = RunStore.INSERT_RUN;
        PendingRun run = PendingRun.of(StoredRun.from(TestRuns.passing("tx", T0)));

        int inserted = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                RunColumns.bind(ps, run);
                return ps.executeUpdate();
            }
        });
        assertThat(inserted).isEqualTo(1);

        assertThatThrownBy(() -> db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        RunColumns.bind(ps, run);
                        ps.executeUpdate();
                    }
                    throw new IllegalStateException("outbox row rejected");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("outbox row rejected");
        assertThatThrownBy(() -> db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        RunColumns.bind(ps, run);
                        ps.executeUpdate();
                    }
                    return c.prepareStatement("SELECT no_such_column FROM probe_run")
                            .executeQuery();
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store transaction failed: ");
        assertThat(count("probe_run")).isEqualTo(1);
    }

    long count(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
