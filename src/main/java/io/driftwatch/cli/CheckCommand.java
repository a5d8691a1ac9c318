package io.driftwatch.cli;

import io.driftwatch.cli.report.JsonReport;
import io.driftwatch.cli.report.JunitReport;
import io.driftwatch.cli.report.TextReport;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.LogbackAuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ProbeResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs probes once and reports, like Newman in CI. Exit 0 all pass, 1 a check failed, 2 bad config. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description =
                "Run probes once and print a report; exit 0 when all pass, 1 when a check failed, 2 on bad configuration.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--probe", paramLabel = "ID", description = "Run only this probe (repeatable). Default: all.")
    List<String> only = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML to FILE.")
    Path junit;

    @Option(names = "--json", description = "Print results as JSON instead of text.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = common.settings(Settings.DEFAULT_HOST, 0);
        try (LogbackAuditLog audit = LogbackAuditLog.open(settings.dataDir());
                Engine engine = Extensions.engine(settings, Clock.systemUTC(), new DriftwatchMetrics(), audit)) {
            var change = engine.reload();
            if (!change.ok()) {
                change.problems().forEach(err::println);
                err.flush();
                return Main.BAD_CONFIG;
            }
            List<ProbeDefinition> selected = select(engine, err);
            if (selected == null) return Main.BAD_CONFIG;
            List<ProbeResult> results = OnceRunner.runAll(engine, selected);
            results.sort(Comparator.comparing(ProbeResult::probeId));
            var redact = engine.redactor();
            if (json) JsonReport.write(out, results, redact::redact);
            else TextReport.write(out, results, redact::redact);
            if (junit != null) JunitReport.write(junit, results, redact::redact);
            return results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL) ? Main.FAILED : Main.OK;
        }
    }

    private List<ProbeDefinition> select(Engine engine, PrintWriter err) {
        var probes = engine.active().probes();
        if (only.isEmpty()) return new ArrayList<>(probes.values());
        List<ProbeDefinition> selected = new ArrayList<>();
        for (String id : only) {
            ProbeDefinition p = probes.get(id);
            if (p == null) {
                err.println("no probe with id '" + id + "' under " + common.probes);
                err.flush();
                return null;
            }
            selected.add(p);
        }
        return selected;
    }
}
