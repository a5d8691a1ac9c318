package io.driftwatch.cli;

import io.driftwatch.baseline.Sample;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.drift.CompiledBaseline;
import io.driftwatch.drift.DriftDetector;
import io.driftwatch.drift.DriftReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baseline diff ID}: run the probe once and print how its response differs from the baseline. */
@Command(
        name = "diff",
        description = "Run a probe once and print its drift against the baseline.",
        mixinStandardHelpOptions = true)
public final class BaselineDiffCommand implements Callable<Integer> {
    private final BaselineTools tools;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The probe id.")
    String probeId;

    public BaselineDiffCommand(BaselineTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        try {
            ProbeDefinition probe = BaselineReview.probe(tools, probeId);
            CompiledBaseline baseline = BaselineReview.compiled(tools, probe);
            Sample sample = BaselineReview.sample(tools, probe);
            DriftReport report = new DriftDetector()
                    .detect(baseline, sample, tools.settings().apply(probe));
            out.println(probe.id() + " against " + BaselineReview.describe(baseline.baseline(), baseline.file()));
            BaselineReview.print(out, report);
            return report.isEmpty() ? BaselineCommand.OK : BaselineCommand.DRIFT;
        } catch (BaselineReview.Stop e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.exitCode;
        }
    }
}
