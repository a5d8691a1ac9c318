package io.driftwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.driftwatch.alert.AlertingRuntime;
import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.alert.config.AlertingLoader;
import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.config.ActiveConfig;
import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.DirectoryWatcher;
import io.driftwatch.config.LoadedConfig;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.http.LogbackAuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ResultBoard;
import io.driftwatch.probe.ResultJson;
import io.driftwatch.reconcile.JdbcPushStore;
import io.driftwatch.schedule.ProbeScheduler;
import io.driftwatch.schedule.RunDispatcher;
import io.driftwatch.schedule.SchedulerSettings;
import io.driftwatch.server.CoreRoutes;
import io.driftwatch.server.DaemonServer;
import io.driftwatch.server.ProbePage;
import io.driftwatch.server.StatusPage;
import io.driftwatch.store.Database;
import io.driftwatch.store.JdbcTokenStore;
import io.driftwatch.store.Retention;
import io.driftwatch.store.RetentionJob;
import io.driftwatch.store.RunStore;
import io.driftwatch.store.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: store, engine, scheduler, HTTP server and the configuration watcher, started in
 * that order and closed in reverse. A reload applies what changed; an invalid file keeps its last good
 * probes (see {@link ActiveConfig}).
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * With more probe files than this, the probes of the first this-many files (path order) are scheduled
     * while the rest are read, so the first probes run after a small part of the read instead of all of
     * it (256 of 10,000 files is under 3% of it). Folders this size or smaller load in one step: for them
     * the read is short and an extra step would only add work.
     */
    static final int PREFIX_PROBE_FILES = 256;

    /** The longest the rest of the first read waits for the prefix to be scheduled (see awaitPrefixScheduled). */
    private static final long PREFIX_HOLD_SECONDS = 30;

    private final Settings settings;
    private final Clock clock;
    private final int prefixProbeFiles;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final DriftwatchMetrics metrics;
    private final ResultBoard board = new ResultBoard();
    private Engine engine;
    private ProbeScheduler scheduler;
    private RunStore runs;
    private DaemonServer server;
    private AlertingRuntime alerting;
    private DriftParts drift;
    private volatile boolean ready;

    public Daemon(Settings settings, Clock clock) {
        this(settings, clock, PREFIX_PROBE_FILES);
    }

    /** @param prefixProbeFiles see {@link #PREFIX_PROBE_FILES}; tests use a small folder and a smaller one */
    Daemon(Settings settings, Clock clock, int prefixProbeFiles) {
        this.settings = settings;
        this.clock = clock;
        this.prefixProbeFiles = prefixProbeFiles;
        this.metrics = new DriftwatchMetrics().withJvmMetrics();
    }

    /** Starts everything; returns once the first configuration is scheduled and the server listens. */
    public Daemon start() throws IOException {
        // Reading the probe files is the longest part of a start with many probes; it needs nothing but
        // the files, so it starts while the store opens and migrates instead of after. A large folder is
        // read in two steps (PREFIX_PROBE_FILES): prefixLoad holds the first files' load, or null when
        // the folder loads in one step, and the rest is read once those probes are scheduled.
        CompletableFuture<LoadedConfig> prefixLoad = new CompletableFuture<>();
        CompletableFuture<LoadedConfig> firstLoad = new CompletableFuture<>();
        CountDownLatch prefixScheduled = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("config-first-load").start(() -> {
            try {
                LoadedConfig all = new ConfigLoader()
                        .load(settings.probesDir(), settings.env(), prefixProbeFiles, prefix -> {
                            prefixLoad.complete(prefix);
                            awaitPrefixScheduled(prefixScheduled);
                        });
                prefixLoad.complete(null); // no effect after a prefix
                firstLoad.complete(all);
            } catch (RuntimeException | Error e) {
                prefixLoad.completeExceptionally(e);
                firstLoad.completeExceptionally(e);
            }
        });
        Files.createDirectories(settings.dataDir());
        // The store opens and migrates on a thread of its own while the engine, which needs nothing of it
        // until probes run, is built here; what reads the store waits for it below.
        CompletableFuture<Database> storeOpen =
                openStore(settings.storeUrl() != null ? settings.storeUrl() : Database.embeddedUrl(settings.dataDir()));
        LogbackAuditLog audit = null;
        Database db;
        try {
            audit = LogbackAuditLog.open(settings.dataDir());
            drift = new DriftParts(settings);
            engine = Extensions.engine(settings, clock, metrics, audit, new JdbcTokenStore(storeOpen::join), drift);
            db = storeOpen.join();
        } catch (RuntimeException | Error e) {
            // the audit log holds its file; a store that opened after all is closed again
            if (audit != null) audit.close();
            storeOpen.thenAccept(Database::close);
            // the store's own failure as Database.open threw it: a StoreException naming the redacted URL
            if (e instanceof CompletionException c && c.getCause() instanceof RuntimeException cause) throw cause;
            if (e instanceof CompletionException c && c.getCause() instanceof Error cause) throw cause;
            throw e;
        }
        // closed in reverse order: the store last, after the writer and everything that runs probes
        closeables.add(db);
        runs = new RunStore(db);
        runs.latestAll().values().forEach(r -> board.seed(StoredRuns.toResult(r)));
        RunWriter writer = new RunWriter(runs);
        closeables.add(writer);
        closeables.add(audit);

        drift.restore(board.all().values());
        drift.bindMetrics(engine, metrics.registry(), clock);
        closeables.add(engine);
        engine.runner().addListener(board);
        engine.runner().addListener((probe, result) -> {
            // A run still in flight when its probe was deleted must not bring its series back.
            if (!engine.active().probes().containsKey(result.probeId())) return;
            metrics.recordRun(
                    result.probeId(),
                    result.outcome().label(),
                    result.exchange() == null ? 0 : result.exchange().totalNanos(),
                    result.exchange() != null && result.exchange().status() > 0);
            if (result.exchange() != null && result.exchange().certificateDaysLeft() != null) {
                metrics.certificateObserved(result.probeId(), result.exchange().certificateDaysLeft());
            }
        });
        engine.runner().addListener(writer);
        var vendorMetrics = new io.driftwatch.vendor.VendorMetrics(
                metrics.registry(),
                engine.vendorSupport(),
                () -> engine.active().connections().keySet(),
                clock);
        engine.runner().addListener((probe, result) -> vendorMetrics.sync());

        alerting = startAlerting(db);
        engine.runner().addListener(alerting.listener(probe -> {
            ConnectionDefinition c = engine.connection(probe);
            return c == null ? "generic" : c.vendor();
        }));

        RunDispatcher dispatcher = new RunDispatcher(
                (probe, at) -> engine.runner().run(probe, at),
                this::maxConcurrency,
                RunDispatcher.DEFAULT_MAX_IN_FLIGHT,
                metrics.registry(),
                clock);
        scheduler = new ProbeScheduler(SchedulerSettings.defaults().with(quartzOverrides()), dispatcher, clock);
        closeables.add(scheduler);

        StatusSource status = new StatusSource(
                () -> engine.active().probes().values(),
                board,
                alerting,
                drift.baselines(),
                s -> engine.redactor().redact(s),
                (id, limit) -> runs.history(id, limit).stream()
                        .map(StoredRuns::toResult)
                        .toList(),
                clock);
        server = new DaemonServer(settings.host(), settings.port());
        closeables.add(server);
        CoreRoutes.register(
                server,
                metrics,
                board,
                () -> engine.active().probes().values(),
                () -> ready,
                this::history,
                id -> status.baselineJson(id),
                s -> engine.redactor().redact(s));
        server.route("/", (ex, tail) -> StatusPage.respond(ex, status.view()));
        server.route("/probes/", (ex, tail) -> ProbePage.respond(ex, status.probeView(tail), tail));

        server.route("/api/v1/alerts", (ex, tail) -> AlertsApi.respond(ex, alerting));
        ReconcileApi reconcile = new ReconcileApi(
                settings.env(),
                id -> engine.active().probes().get(id),
                new JdbcPushStore(db.dataSource()),
                engine.reconcileStats(),
                clock,
                engine.runner()::publish);
        server.route(ReconcileApi.PATH, (ex, tail) -> reconcile.handle(ex, tail));
        server.route("/api/v1/connections", (ex, tail) -> ConnectionsApi.respond(ex, engine));

        scheduler.start(); // before the first load: early probes fire while the rest are still scheduled
        ActiveConfig before = engine.active();
        LoadedConfig prefix = prefixLoad.exceptionally(e -> null).join();
        if (prefix != null) applyQuietly(engine.reload(prefix));
        prefixScheduled.countDown();
        LoadedConfig first;
        try {
            first = firstLoad.join();
        } catch (CompletionException e) {
            LOG.warn(
                    // the class only: the message could quote a file, and the redactor does not exist yet
                    "reading probes/ ahead of the store failed ({}); reading it again",
                    e.getCause().getClass().getName());
            first = new ConfigLoader().load(settings.probesDir(), settings.env());
        }
        if (prefix == null) apply(engine.reload(first));
        else applyAfterPrefix(engine.reload(first), before.apply(first));
        server.start();
        closeables.add(new DirectoryWatcher(settings.probesDir(), Duration.ofMillis(300), this::reload).start());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("housekeeping").factory());
        closeables.add(housekeeping::shutdownNow);
        RetentionJob retention = new RetentionJob(runs, Retention.defaults(), clock);
        housekeeping.scheduleWithFixedDelay(
                () -> {
                    try {
                        retention.runOnce();
                    } catch (RuntimeException e) {
                        LOG.warn("run history retention failed: {}", e.getMessage());
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
        housekeeping.scheduleWithFixedDelay(reconcile::purgeOld, 1, 60, TimeUnit.MINUTES);
        ready = true;
        LOG.info(
                "driftwatch listening on http://{}:{} with {} probes",
                server.host(),
                server.port(),
                engine.active().probes().size());
        return this;
    }

    /** Opens and migrates the store on a platform thread of its own. */
    private static CompletableFuture<Database> openStore(String url) {
        CompletableFuture<Database> open = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("store-open").start(() -> {
            try {
                open.complete(Database.open(url));
            } catch (RuntimeException | Error e) {
                open.completeExceptionally(e);
            }
        });
        return open;
    }

    /**
     * Holds the rest of the first read until the prefix's probes are scheduled. Reading thousands of files
     * on both cores while the store opens and alerting starts delayed the first probe by about half a
     * second (10,000 probes: prefix scheduled at 1.6-1.8 s while reading, 1.1-1.3 s when held), and the
     * read then runs alone and ends about when it did. Bounded, so a start that fails before scheduling
     * does not keep this thread waiting.
     */
    private static void awaitPrefixScheduled(CountDownLatch prefixScheduled) {
        try {
            prefixScheduled.await(PREFIX_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reloads probes/ and applies the change to the scheduler. Safe to call from the watcher thread. */
    public synchronized ActiveConfig.Change reload() {
        return apply(engine.reload());
    }

    /** Applies a reload's change to drift checks, alerting, the scheduler and the result board. */
    private synchronized ActiveConfig.Change apply(ActiveConfig.Change change) {
        reschedule(change);
        report(change);
        return change;
    }

    /**
     * Schedules the first probe files' probes at start, telling no one: the whole folder's load follows at
     * once and {@link #applyAfterPrefix} reports it as one load. Logging or alerting here would report the
     * prefix's problems twice, and its lack of problems would resolve a configuration alert still open from
     * the previous run only to raise it again. Drift gauges wait for the whole load, which covers every
     * active probe.
     */
    private synchronized void applyQuietly(ActiveConfig.Change prefixChange) {
        scheduleChanged(prefixChange);
    }

    /**
     * Applies the whole folder's load after {@link #applyQuietly}: {@code change} is against the prefix's
     * configuration (its probes unchanged, the rest added) and drives the scheduler; {@code asOneLoad} is the
     * same load against the configuration before the prefix, and is what the log and alerting hear, so the
     * start reports every probe and problem of the folder once, as a one-step load does.
     */
    private synchronized void applyAfterPrefix(ActiveConfig.Change change, ActiveConfig.Change asOneLoad) {
        reschedule(change);
        report(asOneLoad);
    }

    private void reschedule(ActiveConfig.Change change) {
        drift.reloaded(change, engine.active());
        scheduleChanged(change);
    }

    private void scheduleChanged(ActiveConfig.Change change) {
        for (ProbeDefinition p : change.added()) schedule(p);
        for (ProbeDefinition p : change.changed()) schedule(p);
        for (String id : change.removed()) {
            scheduler.unschedule(id);
            board.remove(id);
        }
    }

    /** Logs the change's problems and counts and tells alerting whether the configuration is valid. */
    private void report(ActiveConfig.Change change) {
        change.problems().forEach(p -> LOG.error("invalid configuration: {}", p));
        if (alerting != null) {
            if (change.ok()) alerting.engine().onConfigLoaded("probes");
            else
                alerting.engine()
                        .onConfigProblems(
                                "probes",
                                change.problems().stream().map(Object::toString).toList());
        }
        if (!change.added().isEmpty()
                || !change.changed().isEmpty()
                || !change.removed().isEmpty()) {
            LOG.info(
                    "configuration reloaded: {} added, {} changed, {} removed, {} problems",
                    change.added().size(),
                    change.changed().size(),
                    change.removed().size(),
                    change.problems().size());
        }
    }

    /**
     * Alerting from alerting/. An invalid alerting configuration is logged file:line and alerting runs
     * with no channels until it is fixed; probes keep running either way.
     */
    private AlertingRuntime startAlerting(Database db) {
        var loaded =
                new AlertingLoader(ChannelRegistry.standard()).loadDirectory(settings.alertingDir(), settings.env());
        loaded.problems().forEach(p -> LOG.error("invalid alerting configuration: {}", p));
        AlertingConfig config = loaded.ok() ? loaded.config() : AlertingConfig.EMPTY;
        AlertingRuntime runtime = new AlertingRuntime(db.dataSource(), config, clock, metrics.registry()).start();
        closeables.add(runtime);
        return runtime;
    }

    private void schedule(ProbeDefinition p) {
        try {
            scheduler.schedule(p);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: cannot schedule probe {}: {}", p.source(), p.id(), e.getMessage());
        }
    }

    private Integer maxConcurrency(String connectionId) {
        if (connectionId == null) return null;
        ConnectionDefinition c = engine.active().connections().get(connectionId);
        return c == null ? null : c.maxConcurrency();
    }

    private ArrayNode history(String probeId, int limit) {
        ArrayNode arr = MAPPER.createArrayNode();
        runs.history(probeId, limit)
                .forEach(r -> arr.add(ResultJson.toJson(
                        StoredRuns.toResult(r), s -> engine.redactor().redact(s))));
        return arr;
    }

    /**
     * Quartz overrides: {@code DRIFTWATCH_QUARTZ_PROPERTIES} names a properties file (e.g. the clustered
     * JDBC job store on PostgreSQL); without it, the in-memory store.
     */
    private java.util.Map<String, String> quartzOverrides() throws IOException {
        String file = settings.env().get("DRIFTWATCH_QUARTZ_PROPERTIES");
        if (file == null || file.isBlank()) return java.util.Map.of();
        var props = new java.util.Properties();
        try (var in = Files.newInputStream(java.nio.file.Path.of(file))) {
            props.load(in);
        }
        var map = new java.util.HashMap<String, String>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return map;
    }

    public boolean ready() {
        return ready;
    }

    public int port() {
        return server.port();
    }

    public Engine engine() {
        return engine;
    }

    public DriftwatchMetrics metrics() {
        return metrics;
    }

    public ProbeScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        ready = false;
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping: {}", e.toString());
            }
        }
        closeables.clear();
    }
}
