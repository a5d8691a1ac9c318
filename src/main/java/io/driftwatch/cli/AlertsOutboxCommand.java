package io.driftwatch.cli;

import io.driftwatch.outbox.Notification;
import io.driftwatch.outbox.OutboxRepository;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code alerts outbox}: notifications not yet delivered (pending) and given up (dead). */
@Command(name = "outbox", description = "Show pending and dead notifications.", mixinStandardHelpOptions = true)
public final class AlertsOutboxCommand implements Callable<Integer> {
    static final String FORMAT = "%-6s %-8s %-16s %-9s %8s  %-24s %s%n";

    @ParentCommand
    AlertsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "200", description = "Rows per status (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        var repo = new OutboxRepository(parent.context.dataSource());
        List<Notification> pending = repo.pending(limit);
        List<Notification> dead = repo.dead(limit);
        out.println("pending: " + pending.size() + ", dead: " + dead.size());
        if (pending.isEmpty() && dead.isEmpty()) return 0;
        out.printf(
                FORMAT, "ID", "STATUS", "CHANNEL", "EVENT", "ATTEMPTS", "NEXT ATTEMPT / DEAD AT", "TITLE / LAST ERROR");
        var rows = new ArrayList<>(pending);
        rows.addAll(dead);
        for (Notification n : rows) {
            boolean isDead = n.status() == Notification.Status.DEAD;
            out.printf(
                    FORMAT,
                    n.id(),
                    n.status().name().toLowerCase(java.util.Locale.ROOT),
                    n.channel(),
                    n.message().event().label(),
                    n.attempts(),
                    isDead ? n.deadAt() : n.nextAttemptAt(),
                    n.message().title() + (n.lastError() == null ? "" : " / " + n.lastError()));
        }
        return 0;
    }
}
