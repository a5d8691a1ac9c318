package io.driftwatch.vendor;

import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.LoadedConfig;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.http.AuditRecord;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.AuthProviders;
import io.driftwatch.http.AuthServices;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.ExecutionOptions;
import io.driftwatch.http.HttpExecutor;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.http.Redactor;
import io.driftwatch.http.RedactorHolder;
import io.driftwatch.http.Sleeper;
import io.driftwatch.probe.BuiltInChecks;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.ProbeRunner;
import io.driftwatch.probe.checks.TotalsCheck;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sandbox plus the real vendor stack in front of it: the shipped connection files loaded with the
 * sandbox's environment, {@link VendorSupport}, auth providers, the HTTP executor and a probe runner. One
 * clock drives both sides.
 */
final class VendorHarness implements AutoCloseable {
    static final Path REPO = Path.of(System.getProperty("driftwatch.repo.root", "."));
    static final Path PROBES = REPO.resolve("probes");

    final MutableClock clock = new MutableClock();
    final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    final Sandbox sandbox;
    final LoadedConfig config;
    final RedactorHolder redactors;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AuthServices services;
    final VendorSupport support;
    final AuthProviders authProviders;
    final HttpExecutor executor;
    final ProbeRunner runner;
    private final Map<String, AuthProvider> providers = new ConcurrentHashMap<>();

    VendorHarness(SandboxConfig.Builder sandboxConfig, Path keys, TokenStore tokens) {
        try {
            this.sandbox =
                    Sandbox.start(sandboxConfig.clock(clock).keyDirectory(keys).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.config = new ConfigLoader().load(PROBES, sandbox.environment());
        if (!config.valid()) throw new IllegalStateException("shipped probes invalid: " + config.problems());
        var secrets = new java.util.HashSet<>(config.secretValues());
        secrets.addAll(Redactor.secretValues(config.connections().values()));
        this.redactors = RedactorHolder.of(Redactor.of(secrets));
        this.services = new AuthServices(http, clock, redactors);
        this.support = new VendorSupport(clock, tokens, advancingSleeper());
        this.authProviders = AuthProviders.standard(services, support.authFlows());
        this.executor = new HttpExecutor(http, clock, d -> {}, redactors, audit::add, new SplittableRandom(1));
        this.runner = new ProbeRunner(
                id -> config.connections().get(id),
                (probe, connection, request) -> send(connection, request, options(probe)),
                support.registry(),
                List.of(new BuiltInChecks(), VendorHarness::totals),
                clock);
    }

    /** The payload totals checks, as the engine adds them (cli.Extensions). */
    static List<Check> totals(ProbeDefinition probe) {
        var checks = new java.util.ArrayList<Check>();
        for (int i = 0; i < probe.expect().totals().size(); i++) {
            checks.add(new TotalsCheck(i, probe.expect().totals().get(i)));
        }
        return checks;
    }

    /**
     * The limiter's sleeper: waiting moves the shared clock forward instead of passing real time, so the
     * sandbox sees the same minutes go by.
     */
    Sleeper advancingSleeper() {
        return d -> clock.advanceTo(clock.instant().plus(d));
    }

    ConnectionDefinition connection(String id) {
        ConnectionDefinition c = config.connections().get(id);
        if (c == null) throw new IllegalArgumentException("no connection " + id);
        return c;
    }

    /** The connection's provider, created once (as the engine does). */
    AuthProvider auth(ConnectionDefinition c) {
        return providers.computeIfAbsent(c.id(), id -> authProviders.create(c));
    }

    static ExecutionOptions options(ProbeDefinition probe) {
        var spec = probe.request();
        return new ExecutionOptions(
                probe.id(), spec.timeout(), spec.retry(), spec.maxBodyBytes(), spec.captureBodyOnFailure(), null);
    }

    static ExecutionOptions options(String id) {
        return ExecutionOptions.defaults(id);
    }

    /** Prepares (vendor defaults), limits and executes one request through a connection. */
    Exchange send(ConnectionDefinition c, OutgoingRequest request, ExecutionOptions options) {
        var vendor = support.registry().get(c.vendor());
        OutgoingRequest prepared = vendor.prepare(c, request);
        var withId = new ExecutionOptions(
                options.probeId(),
                options.deadline(),
                options.retry(),
                options.maxBodyBytes(),
                options.captureBodyOnFailure(),
                vendor.requestIdHeader());
        return support.limits().run(c, prepared, withId, () -> executor.execute(prepared, withId, auth(c)));
    }

    Exchange get(String connectionId, String pathAndQuery) {
        ConnectionDefinition c = connection(connectionId);
        URI uri = URI.create(c.baseUrl().toString().replaceAll("/+$", "") + pathAndQuery);
        return send(c, new OutgoingRequest("GET", uri, Map.of(), null), options("test"));
    }

    ProbeResult run(String probeId) {
        ProbeDefinition p = config.probe(probeId).orElseThrow(() -> new IllegalArgumentException(probeId));
        return runner.run(p, clock.instant());
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
