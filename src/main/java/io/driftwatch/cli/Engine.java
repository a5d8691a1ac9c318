package io.driftwatch.cli;

import io.driftwatch.config.ActiveConfig;
import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.LoadedConfig;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.http.AuditLog;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.AuthProviders;
import io.driftwatch.http.AuthServices;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.ExecutionOptions;
import io.driftwatch.http.HttpClients;
import io.driftwatch.http.HttpExecutor;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.http.Redactor;
import io.driftwatch.http.RedactorHolder;
import io.driftwatch.http.Sleeper;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.BuiltInChecks;
import io.driftwatch.probe.CheckFactory;
import io.driftwatch.probe.ProbeRunner;
import io.driftwatch.reconcile.ReconcileStats;
import io.driftwatch.vendor.PagedExchange;
import io.driftwatch.vendor.TokenStore;
import io.driftwatch.vendor.VendorRegistry;
import io.driftwatch.vendor.VendorSupport;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The parts every command that runs probes shares: configuration, redaction, the HTTP executor with
 * auth per connection, vendors, checks and the runner. {@code check} uses it once; the daemon keeps it
 * and calls {@link #reload()} when files change.
 */
public final class Engine implements AutoCloseable {
    private final Settings settings;
    private final Clock clock;
    private final DriftwatchMetrics metrics;
    private final RedactorHolder redactors = RedactorHolder.of(Redactor.empty());
    private final HttpExecutor executor;
    /** For connections with {@code reuseConnections: false}: a new connection per run. */
    private final HttpExecutor freshConnections;

    private final AuthProviders authProviders;
    private final VendorRegistry vendors;
    private final VendorSupport vendorSupport;
    private final ProbeRunner runner;
    private final ReconcileGauges reconcileGauges;
    private final ConfigLoader loader = new ConfigLoader();
    private final Map<String, AuthEntry> auth = new ConcurrentHashMap<>();
    private volatile ActiveConfig active = ActiveConfig.EMPTY;

    private record AuthEntry(ConnectionDefinition definition, AuthProvider provider) {}

    /**
     * @param tokens where vendor refresh tokens persist (QuickBooks rotates them on every refresh)
     */
    public Engine(
            Settings settings,
            Clock clock,
            DriftwatchMetrics metrics,
            AuditLog audit,
            List<CheckFactory> extraChecks,
            TokenStore tokens) {
        HttpClient client = HttpClients.shared();
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.vendorSupport = new VendorSupport(clock, tokens, Sleeper.REAL);
        this.vendors = vendorSupport.registry();
        this.executor = new HttpExecutor(client, clock, Sleeper.REAL, redactors, audit, ThreadLocalRandom.current());
        this.freshConnections = new HttpExecutor(
                HttpClients.freshPerRun(null, null),
                clock,
                Sleeper.REAL,
                redactors,
                audit,
                ThreadLocalRandom.current());
        this.authProviders =
                AuthProviders.standard(new AuthServices(client, clock, redactors), vendorSupport.authFlows());
        List<CheckFactory> factories = new ArrayList<>();
        factories.add(new BuiltInChecks());
        factories.addAll(extraChecks);
        this.reconcileGauges = new ReconcileGauges(metrics.registry());
        this.runner = new ProbeRunner(
                id -> active.connections().get(id), this::exchange, vendors, factories, clock, reconcileGauges.stats());
    }

    /** Loads every file under the probes directory and folds it into the active configuration. */
    public ActiveConfig.Change reload() {
        return reload(loader.load(settings.probesDir(), settings.env()));
    }

    /** {@link #reload()} with the probe directory already read (the daemon reads it while the store opens). */
    public ActiveConfig.Change reload(LoadedConfig loaded) {
        ActiveConfig.Change change = active.apply(loaded);
        var secrets = new java.util.HashSet<>(loaded.secretValues());
        secrets.addAll(Redactor.secretValues(change.next().connections().values()));
        redactors.replace(Redactor.of(secrets));
        active = change.next();
        auth.keySet().removeIf(id -> !active.connections().containsKey(id));
        change.removed().forEach(runner::forget);
        change.removed().forEach(metrics::probeRemoved);
        change.removed().forEach(reconcileGauges::remove);
        for (ProbeDefinition p : active.probes().values()) {
            ConnectionDefinition c = connection(p);
            metrics.probeLoaded(p.id(), p.connection(), c == null ? "generic" : c.vendor());
        }
        metrics.configReloaded(
                change.ok(), clock.instant().getEpochSecond(), active.probes().size());
        return change;
    }

    private Exchange exchange(ProbeDefinition probe, ConnectionDefinition connection, OutgoingRequest request) {
        var spec = probe.request();
        var vendor = vendors.get(connection.vendor());
        var options = new ExecutionOptions(
                probe.id(),
                spec.timeout(),
                spec.retry(),
                spec.maxBodyBytes(),
                spec.captureBodyOnFailure(),
                vendor.requestIdHeader());
        if (spec.paginate() != null) {
            return PagedExchange.fetch(
                    connection.vendor(),
                    request,
                    spec.paginate().maxPages(),
                    spec.timeout(),
                    (page, left) -> send(
                            connection,
                            page,
                            new ExecutionOptions(
                                    probe.id(),
                                    left,
                                    spec.retry(),
                                    spec.maxBodyBytes(),
                                    spec.captureBodyOnFailure(),
                                    vendor.requestIdHeader())));
        }
        return send(connection, request, options);
    }

    private Exchange send(ConnectionDefinition connection, OutgoingRequest request, ExecutionOptions options) {
        // QuickBooks allows 500 requests/min and 10 concurrent per realm: the limiter queues within them.
        HttpExecutor http = connection.reuseConnections() ? executor : freshConnections;
        return vendorSupport
                .limits()
                .run(connection, request, options, () -> http.execute(request, options, authFor(connection)));
    }

    /** One auth provider per connection, recreated when the connection's definition changes. */
    private AuthProvider authFor(ConnectionDefinition c) {
        // Every run of the connection comes here; the same definition object (the active configuration's)
        // needs neither the map's lock nor a deep comparison.
        AuthEntry current = auth.get(c.id());
        if (current != null && current.definition() == c) return current.provider();
        AuthEntry entry = auth.compute(c.id(), (id, old) -> {
            if (old == null || !old.definition().equals(c)) return new AuthEntry(c, authProviders.create(c));
            // an equal definition from a reload keeps its provider (and tokens) under the new object
            return old.definition() == c ? old : new AuthEntry(c, old.provider());
        });
        return entry.provider();
    }

    /** The probe's connection, or null when it has none (absolute URL) or it is undefined. */
    public ConnectionDefinition connection(ProbeDefinition p) {
        return p.connection() == null ? null : active.connections().get(p.connection());
    }

    public ProbeRunner runner() {
        return runner;
    }

    /** The latest reconciliation numbers per check (scheduled reconcile probes and pushes alike). */
    public ReconcileStats reconcileStats() {
        return reconcileGauges.stats();
    }

    public ActiveConfig active() {
        return active;
    }

    public Redactor redactor() {
        return redactors.get();
    }

    public RedactorHolder redactors() {
        return redactors;
    }

    public VendorSupport vendorSupport() {
        return vendorSupport;
    }

    public DriftwatchMetrics metrics() {
        return metrics;
    }

    public Clock clock() {
        return clock;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {}
}
