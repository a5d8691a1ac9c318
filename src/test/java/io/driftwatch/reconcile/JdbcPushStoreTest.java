package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import io.driftwatch.finding.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The V30 table and JdbcPushStore on a real H2 file store and, when reachable, PostgreSQL. */
class JdbcPushStoreTest {

    private static final Instant AT = Instant.parse("2026-06-02T16:20:11.123456Z");

    @TempDir
    Path dir;

    private static PushResult result(String id, Instant at) {
        Finding f = new Finding(
                        "sf-vs-qbo",
                        "totals",
                        Level.FAIL,
                        "OPP-1037: salesforce Amount 145.80 USD, quickbooks TotalAmt 145.82 USD (delta 0.02 > 0.01)",
                        Map.of())
                .withEvidence("delta", "0.02");
        return new PushResult(
                "sf-vs-qbo",
                id,
                PushResult.SOURCE_TARGET,
                at,
                Outcome.FAIL,
                new BigDecimal("0.020"),
                Map.of("amount", 1),
                List.of(f));
    }

    private static void migrate(DataSource ds, String schema) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (schema != null) config = config.schemas(schema);
        config.load().migrate();
    }

    private static void exercise(JdbcPushStore store) {
        StoredPush first = new StoredPush("sf-vs-qbo", "batch-7", "ab".repeat(32), result("batch-7", AT));

        assertThat(store.find("sf-vs-qbo", "batch-7")).isEmpty();
        assertThat(store.insertIfAbsent(first)).isEmpty();
        StoredPush read = store.find("sf-vs-qbo", "batch-7").orElseThrow();
        assertThat(read).isEqualTo(first);
        assertThat(read.result().largestAbsDelta().toPlainString()).isEqualTo("0.020");

        StoredPush racing =
                new StoredPush("sf-vs-qbo", "batch-7", "cd".repeat(32), result("batch-7", AT.plusSeconds(1)));
        assertThat(store.insertIfAbsent(racing)).contains(first);
        assertThat(store.insertIfAbsent(
                        new StoredPush("other-check", "batch-7", "cd".repeat(32), result("batch-7", AT))))
                .as("ids are scoped per check")
                .isEmpty();

        assertThat(store.purgeBefore(AT)).isZero();
        assertThat(store.purgeBefore(AT.plusMillis(1))).isEqualTo(2);
        assertThat(store.find("sf-vs-qbo", "batch-7")).isEmpty();
    }

    @Test
    void h2FileStore() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("driftwatch") + ";DB_CLOSE_DELAY=-1");
        migrate(ds, null);

        exercise(new JdbcPushStore(ds));
    }

    @Test
    void pushesSurviveARestartWithTheJdbcStore() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("restart"));
        migrate(ds, null);
        PushReconciliationTest.Catalog catalog = new PushReconciliationTest.Catalog();
        byte[] body = ("{\"before\":" + PushReconciliationTest.correctedPage() + ",\"after\":"
                        + Fixtures.json("qbo-invoice-query-page.json") + "}")
                .getBytes(StandardCharsets.UTF_8);
        PushReconciliationTest.ManualClock clock = new PushReconciliationTest.ManualClock();

        PushResponse first = new PushReconciliation(catalog, new JdbcPushStore(ds), ReconcileStats.NONE, clock, 50)
                .push("qbo-invoices", body, "run-1", PushReconciliationTest.CAP);
        clock.now = clock.now.plusSeconds(60);
        PushResponse afterRestart = new PushReconciliation(
                        catalog, new JdbcPushStore(ds), ReconcileStats.NONE, clock, 50)
                .push("qbo-invoices", body, "run-1", PushReconciliationTest.CAP);

        assertThat(afterRestart).isEqualTo(new PushResponse.Accepted(((PushResponse.Accepted) first).result(), true));
    }

    @Test
    void postgres() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection probe = DriverManager.getConnection(url + "?connectTimeout=2", "postgres", "")) {
            probe.isValid(2);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432 as postgres: " + e.getMessage());
        }
        String schema = "recon_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser("postgres");
        ds.setCurrentSchema(schema);
        try {
            migrate(ds, schema);
            exercise(new JdbcPushStore(ds));
        } finally {
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
