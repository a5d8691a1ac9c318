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

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        // Usage errors and unexpected exceptions exit 2, so 1 always means "a check failed".
        cl.getCommandSpec().usageMessage().sortOptions(false);
        cl.setExitCodeExceptionMapper(e -> BAD_CONFIG);
        cl.getCommandSpec().exitCodeOnInvalidInput(BAD_CONFIG);
        cl.getCommandSpec().exitCodeOnExecutionException(BAD_CONFIG);
        cl.addSubcommand("baseline", BaselineWiring.commandLine());
        cl.addSubcommand("alerts", AlertsWiring.commandLine());
        return cl;
    }

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("DRIFTWATCH_LOG_FORMAT"))
                && System.getProperty("logback.configurationFile") == null) {
            // Must be set before the first logger is created; loggers are created lazily for fast --help.
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        HttpClients.boundConnectionPool(System.getProperties());
        System.exit(commandLine().execute(args));
    }
}
