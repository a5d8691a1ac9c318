/**
 * The persistent store: run history now; alert state, outbox, vendor tokens, reconcile and drift
 * tables later (each part owns a Flyway version range, see {@code db/migration/V1__probe_runs.sql}).
 *
 * <p>One contract, two databases: the embedded H2 file under {@code data/} ({@link
 * io.driftwatch.store.Database#embeddedUrl}) and PostgreSQL ({@code jdbc:postgresql://...}). Migrations
 * and queries are written once in SQL both accept; the few statements with no common form live in
 * {@link io.driftwatch.store.H2Dialect} and {@link io.driftwatch.store.PostgresDialect}.
 *
 * <p>Wiring in the daemon:
 *
 * <pre>{@code
 * Database db = Database.open(Database.embeddedUrl(dataDir));   // or a DatabaseSettings for PostgreSQL
 * RunStore runs = new RunStore(db);
 * RunWriter writer = new RunWriter(runs);                        // a ProbeResultListener: register it
 * RetentionJob retention = new RetentionJob(runs, Retention.defaults(), clock);  // call runOnce() hourly
 * ...
 * // shutdown, in this order: stop probes, then
 * writer.close();   // writes every queued run
 * db.close();       // closes the pool (and the H2 file)
 * }</pre>
 */
package io.driftwatch.store;
