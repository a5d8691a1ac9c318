package io.driftwatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code driftwatch alerts ...}. Register with {@code new CommandLine(new AlertsCommand(context))} or
 * {@code addSubcommand("alerts", new AlertsCommand(context))}; the subcommands reach the context
 * through their parent.
 */
@Command(
        name = "alerts",
        description = "Test channels and inspect open alerts and the notification outbox.",
        mixinStandardHelpOptions = true,
        subcommands = {
            AlertsTestCommand.class,
            AlertsListCommand.class,
            AlertsOutboxCommand.class,
            AlertsRetryCommand.class
        })
public final class AlertsCommand implements Runnable {
    final AlertsContext context;

    @Spec
    CommandSpec spec;

    public AlertsCommand(AlertsContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
