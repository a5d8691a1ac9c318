package io.driftwatch.cli;

import io.driftwatch.alert.config.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftwatch demo}: the sandbox plus the daemon on the shipped probes/ and alerting/, with
 * scenarios cycling so findings and alerts appear and resolve. Runs until stopped, or for {@code
 * --duration}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the daemon on the shipped probes against the local sandbox, cycling drift scenarios:"
                + " metrics, findings and alerts with no credentials and no network.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "9464", description = "Daemon HTTP port, 0 for any free port.")
    int port;

    @Option(
            names = "--sandbox-port",
            defaultValue = "8089",
            description = "Sandbox port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int sandboxPort;

    @Option(
            names = "--every",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "Run every probe this often (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(
            names = "--cycle",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Switch to the next scenario this often (default: ${DEFAULT-VALUE}).")
    Duration cycle;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Stop after this long (default: run until Ctrl-C).")
    Duration duration;

    @Option(names = "--probes", defaultValue = "probes", paramLabel = "DIR", description = "Probe files.")
    Path probes;

    @Option(names = "--baselines", defaultValue = "baselines", paramLabel = "DIR", description = "Baselines.")
    Path baselines;

    @Option(
            names = "--alerting",
            defaultValue = "alerting",
            paramLabel = "DIR",
            description = "Alerting configuration; its channels are redirected to the sandbox inbox.")
    Path alerting;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory (default: a fresh temporary directory, deleted on exit).")
    Path data;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (every.isZero() || cycle.isZero()) {
            err.println("--every and --cycle must be positive");
            err.flush();
            return Main.BAD_CONFIG;
        }
        var options = new DemoRun.Options(probes, baselines, alerting, data, port, sandboxPort, every, cycle);
        CountDownLatch stopped = new CountDownLatch(1);
        DemoRun demo = DemoRun.start(options, spec.commandLine().getOut());
        // Ctrl-C: the hook stops everything itself, since the JVM does not wait for this thread.
        Thread hook = new Thread(
                () -> {
                    demo.close();
                    stopped.countDown();
                },
                "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        demo.printIntro();
        if (duration == null) stopped.await();
        else if (!stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook closes the demo.
            }
            demo.close();
        }
        return Main.OK;
    }

    /** Durations as elsewhere in driftwatch: 500ms, 5s, 1m, 2h. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value.trim())
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "expected a duration like 500ms, 5s or 1m, got '" + value + "'"));
        }
    }
}
