package io.driftwatch.cli;

import io.driftwatch.alert.AlertState;
import io.driftwatch.alert.AlertStateRepository;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code alerts list}: open alerts (firing or resolving), oldest first. */
@Command(name = "list", description = "List open alerts.", mixinStandardHelpOptions = true)
public final class AlertsListCommand implements Callable<Integer> {
    static final String FORMAT = "%-40s %-9s %-8s %-20s %5s  %s%n";

    @ParentCommand
    AlertsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        List<AlertState> open = new AlertStateRepository(parent.context.dataSource()).open();
        if (open.isEmpty()) {
            out.println("no open alerts");
            return 0;
        }
        out.printf(FORMAT, "ALERT", "STATUS", "SEVERITY", "SINCE", "RUNS", "SUMMARY");
        for (AlertState s : open) {
            String status = s.status.name().toLowerCase(java.util.Locale.ROOT) + (s.flapping ? "*" : "");
            out.printf(FORMAT, s.alertKey, status, s.severity, s.firstFailureAt, s.incidentRuns, s.summary);
        }
        if (open.stream().anyMatch(s -> s.flapping)) out.println("* flapping: notifications paused until stable");
        return 0;
    }
}
