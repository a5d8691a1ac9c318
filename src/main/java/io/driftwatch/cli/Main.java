package io.driftwatch.cli;

import io.driftwatch.http.HttpClients;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Exit codes: 0 ok, 1 a check failed or drift found, 2 bad configuration or usage. */
@Command(
        name = "driftwatch",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Watches the vendor APIs money flows through and tells you the moment one drifts.",
        subcommands = {
            RunCommand.class,
            CheckCommand.class,
            ValidateCommand.class,
            SandboxCommand.class,
            DemoCommand.class,
            ConnectionsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_CONFIG = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Every command, for help and for all commands but {@code run} (see {@link #commandLineFor}). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("baseline", BaselineWiring.commandLine());
        cl.addSubcommand("alerts", AlertsWiring.commandLine());
        return configured(cl);
    }

    /**
     * The command tree {@code args} need. The daemon ({@code run} first) gets the root and that command
     * alone: picocli builds each command's model by reflecting over its class and options, and building
     * all of them took about 0.3 s of the daemon's start, before anything else could begin
     * (docs/BENCHMARKS.md, round 6). Parsing, help, version and exit codes are the same as in the full tree.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length == 0 || !"run".equals(args[0])) return commandLine();
        CommandLine cl = new CommandLine(new DaemonRoot());
        cl.addSubcommand("run", new RunCommand());
        return configured(cl);
    }

    /**
     * Usage errors and unexpected exceptions exit 2, so 1 always means "a check failed". Call it once every
     * subcommand is added: picocli hands these settings only to the subcommands present at the time.
     */
    private static CommandLine configured(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.getCommandSpec().usageMessage().sortOptions(false);
        cl.setExitCodeExceptionMapper(e -> BAD_CONFIG);
        cl.getCommandSpec().exitCodeOnInvalidInput(BAD_CONFIG);
        cl.getCommandSpec().exitCodeOnExecutionException(BAD_CONFIG);
        return cl;
    }

    /** The root of {@link #commandLineFor}'s daemon tree: {@link Main} without its other subcommands. */
    @Command(name = "driftwatch", mixinStandardHelpOptions = true, versionProvider = Version.class)
    static final class DaemonRoot {}

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("DRIFTWATCH_LOG_FORMAT"))
                && System.getProperty("logback.configurationFile") == null) {
            // Must be set before the first logger is created; loggers are created lazily for fast --help.
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        HttpClients.boundConnectionPool(System.getProperties());
        System.exit(commandLineFor(args).execute(args));
    }
}
