package io.driftwatch.cli;

import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftwatch sandbox [--port P] [--scenario S]...}: runs the local vendor stand-ins until stopped.
 * The demo credentials go to an env file (owner-readable) rather than the terminal, so they never end up
 * in a scroll-back or CI log; the command prints the file's path and the variable names.
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Local stand-ins for QuickBooks Online, Salesforce and Smarty, with switchable drift scenarios.")
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8089", description = "TCP port on 127.0.0.1 (0: any free port).")
    int port;

    @Option(
            names = "--scenario",
            paramLabel = "NAME[:key=value,...]",
            description = "Scenario active from the start, e.g. added-latency:millis=400 or"
                    + " throttle-storm:vendor=quickbooks. Repeatable.")
    List<String> scenarios = new ArrayList<>();

    @Option(
            names = "--data-dir",
            defaultValue = "data/sandbox",
            description = "Where the Salesforce key pair and sandbox.env live (created when missing).")
    Path dataDir;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException, InterruptedException {
        Sandbox sandbox = start();
        if (sandbox == null) return 2;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Starts the sandbox and prints where it is; null (after printing why) when the options are invalid. */
    Sandbox start() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var parsed = new ArrayList<Scenario>();
        for (String s : scenarios) {
            try {
                parsed.add(Scenario.parse(s));
            } catch (IllegalArgumentException e) {
                err.println("--scenario " + s + ": " + e.getMessage());
                err.flush();
                return null;
            }
        }
        SandboxConfig config = SandboxConfig.builder()
                .port(port)
                .keyDirectory(dataDir)
                .scenarios(parsed)
                .build();
        Sandbox sandbox = Sandbox.start(config);
        Path envFile = writeEnv(dataDir.resolve("sandbox.env"), sandbox.environment());
        out.println("driftwatch sandbox listening on " + sandbox.baseUri());
        out.println("  QuickBooks  " + sandbox.baseUri() + "v3/company/"
                + sandbox.credentials().qboRealmId() + "/invoice/"
                + sandbox.credentials().qboKnownInvoiceId());
        out.println("  Salesforce  " + sandbox.baseUri() + "services/data/");
        out.println("  Smarty      " + sandbox.baseUri() + "street-address");
        out.println("  jobs        " + sandbox.baseUri() + "jobs");
        out.println(
                "  scenarios   " + sandbox.baseUri() + "__admin/scenario (GET lists, POST switches on, DELETE resets)");
        out.println("Demo credentials: " + envFile + " ("
                + String.join(", ", sandbox.environment().keySet()) + ")");
        out.println("  load them with: set -a; . " + envFile + "; set +a");
        if (!parsed.isEmpty())
            out.println(
                    "Active scenarios: " + parsed.stream().map(Scenario::name).toList());
        out.flush();
        return sandbox;
    }

    private static Path writeEnv(Path file, Map<String, String> env) throws IOException {
        var lines = new StringBuilder("# driftwatch sandbox demo credentials (protect nothing real)\n");
        env.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: default permissions.
        }
        Files.writeString(file, lines);
        return file;
    }
}
