package io.driftwatch.cli;

import io.driftwatch.outbox.OutboxRepository;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code alerts retry [ID...]}: dead notifications back to pending (all when no id is given); the dispatcher sends them on its next poll. */
@Command(name = "retry", description = "Move dead notifications back to pending.", mixinStandardHelpOptions = true)
public final class AlertsRetryCommand implements Callable<Integer> {
    @ParentCommand
    AlertsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "ID",
            arity = "0..*",
            description = "Outbox ids from 'alerts outbox' (default: every dead one).")
    List<Long> ids = List.of();

    @Override
    public Integer call() throws SQLException {
        int moved = new OutboxRepository(parent.context.dataSource())
                .retryDead(ids, parent.context.clock().instant());
        spec.commandLine()
                .getOut()
                .println("moved " + moved + " dead notification" + (moved == 1 ? "" : "s") + " back to pending");
        return 0;
    }
}
