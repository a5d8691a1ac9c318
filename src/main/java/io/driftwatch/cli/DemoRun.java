package io.driftwatch.cli;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A running demo: the sandbox, a daemon on the shipped probes pointed at it, a driver that runs every
 * probe each {@code every} (the shipped schedules are minutes apart) and a cycle that switches the
 * sandbox to the next {@link DemoPhases} phase each {@code cycle}. Closing stops all of it and deletes
 * a data directory it created.
 */
final class DemoRun implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * @param data the daemon's data directory; null: a fresh temporary one, deleted on close. A reused
     *     directory holds QuickBooks refresh tokens a new sandbox no longer accepts, hence fresh by default.
     * @param port daemon HTTP port, 0 for any free one
     * @param sandboxPort sandbox port, 0 for any free one
     */
    record Options(
            Path probes,
            Path baselines,
            Path alerting,
            Path data,
            int port,
            int sandboxPort,
            Duration every,
            Duration cycle) {}

    private final Options options;
    private final PrintWriter out;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger phase = new AtomicInteger(-1);
    private long printedUpTo;
    private Sandbox sandbox;
    private Daemon daemon;
    private Path dataDir;
    private boolean temporaryData;
    private ScheduledExecutorService timers;
    private boolean closed;

    private DemoRun(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    static DemoRun start(Options options, PrintWriter out) throws IOException {
        var run = new DemoRun(options, out);
        try {
            run.startAll();
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // both tasks catch their own errors; close() stops them
    private void startAll() throws IOException {
        sandbox = Sandbox.start(
                SandboxConfig.builder().port(options.sandboxPort()).build());
        temporaryData = options.data() == null;
        dataDir = temporaryData ? Files.createTempDirectory("driftwatch-demo") : options.data();
        int port = options.port() == 0 ? freePort() : options.port();
        Path alerting = DemoAlerting.write(options.alerting(), dataDir.resolve("alerting"));

        var env = new LinkedHashMap<>(sandbox.environment());
        env.put("DRIFTWATCH_PORT", String.valueOf(port)); // the shipped self-probe reads it
        env.put("DRIFTWATCH_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put(DemoAlerting.INBOX_ENV, sandbox.inboxUri().toString());
        env.put("DRIFTWATCH_WEBHOOK_SECRET", randomSecret());
        var settings = new Settings(
                options.probes(), options.baselines(), alerting, dataDir, null, Settings.DEFAULT_HOST, port, env);
        daemon = new Daemon(settings, clock).start();

        timers = Executors.newScheduledThreadPool(
                2, Thread.ofPlatform().daemon().name("demo-", 0).factory());
        nextPhase();
        timers.scheduleAtFixedRate(this::runAll, 0, options.every().toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(
                this::nextPhase, options.cycle().toMillis(), options.cycle().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Prints where to look and what will happen. */
    void printIntro() {
        URI api = daemonUri();
        out.println("driftwatch demo: the shipped probes against a local sandbox; no credentials, no network.");
        out.println("  status page          " + api.resolve(""));
        out.println("  one probe's page     " + api.resolve("probes/qbo-invoice-read"));
        out.println("  probes and findings  " + api.resolve("api/v1/probes"));
        out.println("  alerts               " + api.resolve("api/v1/alerts"));
        out.println("  metrics              " + api.resolve("metrics"));
        out.println("  health               " + api.resolve("healthz"));
        out.println("  sandbox page         " + sandbox.pageUri() + "  (active scenario and the alert inbox)");
        out.println("  data                 " + dataDir + (temporaryData ? "  (deleted on exit)" : ""));
        out.println("What happens: every probe runs every " + human(options.every()) + "; every "
                + human(options.cycle()) + " the sandbox switches to the next phase:");
        for (DemoPhases.Phase p : DemoPhases.CYCLE) out.println("  - " + p.name() + ": " + p.expect());
        out.println("Alerts go to the sandbox inbox (every channel in alerting/ becomes a webhook to it)."
                + " The shipped flapping rule holds alerts back once a probe has flipped too often.");
        out.flush();
    }

    URI daemonUri() {
        return URI.create("http://" + Settings.DEFAULT_HOST + ":" + daemon.port() + "/");
    }

    Sandbox sandbox() {
        return sandbox;
    }

    Daemon daemon() {
        return daemon;
    }

    private void nextPhase() {
        try {
            int i = phase.incrementAndGet() % DemoPhases.CYCLE.size();
            DemoPhases.Phase p = DemoPhases.CYCLE.get(i);
            sandbox.resetScenarios();
            if (p.scenario() != null) sandbox.setScenario(p.scenario());
            out.println("[demo "
                    + LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME) + "] phase " + p.name() + ": "
                    + p.expect());
            out.flush();
        } catch (RuntimeException e) {
            out.println("[demo] cannot switch phase: " + e.getMessage());
            out.flush();
        }
    }

    /** Runs every active probe once, skipping one whose previous demo run has not finished. */
    private void runAll() {
        printNewAlerts();
        try {
            for (ProbeDefinition p : daemon.engine().active().probes().values()) {
                if (!running.add(p.id())) continue;
                Thread.ofVirtual().name("demo-run-" + p.id()).start(() -> {
                    try {
                        daemon.engine().runner().run(p, clock.instant());
                    } finally {
                        running.remove(p.id());
                    }
                });
            }
        } catch (RuntimeException e) {
            out.println("[demo] cannot start runs: " + e.getMessage());
            out.flush();
        }
    }

    /** Echoes notifications that reached the sandbox inbox since the last call, oldest first. */
    private synchronized void printNewAlerts() {
        var fresh = new java.util.ArrayList<io.driftwatch.sandbox.SandboxInbox.Message>();
        for (var m : sandbox.inbox().messages()) if (m.seq() > printedUpTo) fresh.add(m);
        java.util.Collections.reverse(fresh);
        for (var m : fresh) {
            var b = m.body();
            out.println("[demo "
                    + LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME) + "] alert "
                    + b.path("event").asText("?") + " (" + b.path("severity").asText("?") + ") via "
                    + (m.channel() == null ? "webhook" : m.channel()) + ": "
                    + b.path("title").asText(""));
            printedUpTo = Math.max(printedUpTo, m.seq());
        }
        if (!fresh.isEmpty()) out.flush();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (timers != null) timers.shutdownNow();
        if (sandbox != null) printNewAlerts();
        if (daemon != null) daemon.close();
        if (sandbox != null) sandbox.close();
        if (temporaryData && dataDir != null) delete(dataDir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
