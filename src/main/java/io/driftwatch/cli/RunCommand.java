package io.driftwatch.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The daemon. Runs until SIGINT/SIGTERM; shuts down cleanly (in-flight runs finish, history flushed). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the daemon: schedule every probe, serve /metrics, /healthz, /readyz and the API.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(
            names = "--host",
            defaultValue = "${env:DRIFTWATCH_HOST:-127.0.0.1}",
            description = "Listen address (env DRIFTWATCH_HOST, default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "${env:DRIFTWATCH_PORT:-9464}",
            description = "HTTP port, 0 for any free port (env DRIFTWATCH_PORT, default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        Daemon daemon = new Daemon(common.settings(host, port), Clock.systemUTC()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            daemon.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
        return Main.OK;
    }
}
