package io.driftwatch.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Local stand-ins for QuickBooks Online, Salesforce, Smarty US Street and a generic paginated source on
 * one loopback HTTP server, with switchable drift scenarios. Used by {@code driftwatch sandbox}, {@code
 * driftwatch demo} and tests. Vendor behaviour follows VENDORS.md; see each handler for what is assumed.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults())) {
 *     URI base = sandbox.baseUri();               // http://127.0.0.1:PORT/
 *     SandboxCredentials demo = sandbox.credentials();
 *     sandbox.setScenario(Scenario.of("totals-off"));
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxContext ctx;
    private final Path temporaryKeys;

    private Sandbox(HttpServer server, ExecutorService executor, SandboxContext ctx, Path temporaryKeys) {
        this.server = server;
        this.executor = executor;
        this.ctx = ctx;
        this.temporaryKeys = temporaryKeys;
    }

    /** Binds 127.0.0.1 on the configured port (0: any free port) and starts serving. */
    public static Sandbox start(SandboxConfig config) throws IOException {
        Path temp = config.keyDirectory() == null ? Files.createTempDirectory("driftwatch-sandbox-keys") : null;
        SandboxKeys keys = SandboxKeys.loadOrCreate(config.keyDirectory() == null ? temp : config.keyDirectory());
        var ctx = new SandboxContext(config, SandboxCredentials.demo(keys.privatePem(), keys.publicPem()));
        var router = new SandboxRouter(ctx, keys.publicKey());
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        var sandbox = new Sandbox(server, executor, ctx, temp);
        ctx.baseUri(
                URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + sandbox.port() + "/"));
        for (Scenario s : config.scenarios()) ctx.activate(s);
        return sandbox;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/}; every vendor lives under it (token endpoints too). */
    public URI baseUri() {
        return ctx.baseUri();
    }

    public SandboxCredentials credentials() {
        return ctx.credentials;
    }

    /** The environment variables the shipped connection files read, pointed at this sandbox. */
    public Map<String, String> environment() {
        Map<String, String> env = ctx.credentials.environment(baseUri());
        // The shipped reconcile probe's window: every invoice, and no opportunity closed won without one.
        LocalDate today = LocalDate.ofInstant(ctx.now(), java.time.ZoneOffset.UTC);
        env.put(
                "RECONCILE_SINCE",
                QboInvoices.reconcileSince(ctx.config.invoiceCount(), today).toString());
        return env;
    }

    /** Switches a scenario on, replacing an active one of the same kind. */
    public void setScenario(Scenario scenario) {
        ctx.activate(scenario);
    }

    /** Switches one scenario off; false when it was not on. */
    public boolean clearScenario(ScenarioKind kind) {
        return ctx.scenarios.remove(kind);
    }

    /** Switches every scenario off. */
    public void resetScenarios() {
        ctx.scenarios.reset();
    }

    public List<Scenario> activeScenarios() {
        return ctx.scenarios.list();
    }

    /** Notifications posted to {@link #inboxUri()}. */
    public SandboxInbox inbox() {
        return ctx.inbox;
    }

    /** {@code /__admin/inbox}: a webhook target that keeps what it receives (GET lists it as JSON). */
    public URI inboxUri() {
        return baseUri().resolve("__admin/inbox");
    }

    /** {@code /__admin/}: the HTML overview of scenarios, counters and the inbox. */
    public URI pageUri() {
        return baseUri().resolve("__admin/");
    }

    public SandboxStats stats() {
        return ctx.counters.snapshot(ctx.qboLimiter);
    }

    /** Releases hung requests, stops the server and deletes generated temporary keys. */
    @Override
    public void close() {
        ctx.closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        if (temporaryKeys != null) {
            try (Stream<Path> files = Files.walk(temporaryKeys)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + temporaryKeys, e);
            }
        }
    }
}
