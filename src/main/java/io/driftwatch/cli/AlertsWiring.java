package io.driftwatch.cli;

import io.driftwatch.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Binds {@code alerts test|list|outbox|retry} to alerting/ and the store. Locations come from the
 * environment (DRIFTWATCH_ALERTING, DRIFTWATCH_DATA, DRIFTWATCH_STORE); the store opens only when a
 * subcommand needs it.
 */
final class AlertsWiring {
    private AlertsWiring() {}

    static CommandLine commandLine() {
        var env = System.getenv();
        Path alerting = Path.of(env.getOrDefault("DRIFTWATCH_ALERTING", "alerting"));
        Path data = Path.of(env.getOrDefault("DRIFTWATCH_DATA", "data"));
        String store = env.get("DRIFTWATCH_STORE");
        var context = AlertsContext.of(
                alerting,
                env,
                () -> Database.open(store != null ? store : Database.embeddedUrl(data))
                        .dataSource(),
                Clock.systemUTC());
        return new CommandLine(new AlertsCommand(context));
    }
}
