package io.driftwatch.cli;

import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineRecordingException;
import io.driftwatch.baseline.Sample;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.drift.CompiledBaseline;
import io.driftwatch.drift.DriftDetector;
import io.driftwatch.drift.DriftReport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baseline accept ID [--merge] [--samples N]}: promote the shape the probe returns now to be its
 * baseline, so a team accepts an intended vendor change through a pull request. Prints what changed
 * against the previous baseline first. With {@code --merge} the new baseline also accepts everything
 * the old one did (types united, required intersected).
 */
@Command(
        name = "accept",
        description = "Promote the probe's current response shape to its baseline.",
        mixinStandardHelpOptions = true)
public final class BaselineAcceptCommand implements Callable<Integer> {
    private final BaselineTools tools;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The probe id.")
    String probeId;

    @Option(names = "--merge", description = "Merge with the previous baseline instead of replacing it.")
    boolean merge;

    @Option(
            names = "--samples",
            defaultValue = "1",
            description = "Responses to learn from (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--interval",
            converter = BaselineCommand.DurationConverter.class,
            description = "Pause between samples (default: the configured interval).")
    Duration interval;

    public BaselineAcceptCommand(BaselineTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (samples < 1) {
            err.println("--samples must be at least 1");
            return BaselineCommand.CONFIG_ERROR;
        }
        try {
            ProbeDefinition probe = BaselineReview.probe(tools, probeId);
            Baseline previous = BaselineReview.stored(tools, probe.id()).orElse(null);
            Duration pause = interval != null ? interval : tools.interval();
            List<Sample> taken = tools.recorder()
                    .collect(samples, pause, () -> tools.sampler().run(probe));
            Baseline fresh =
                    tools.recorder().withEnums(BaselineReview.enumsOf(probe)).build(probe.id(), taken);
            String schemaFile = BaselineReview.schemaFileOf(probe);
            if (schemaFile != null) fresh = fresh.withSchema(schemaFile, null);
            if (previous != null && schemaFile == null) {
                CompiledBaseline old = CompiledBaseline.compile(
                        previous, tools.store().file(probe.id()).toString());
                // Show what is being accepted: the last sample's drift against the old baseline.
                DriftReport report = new DriftDetector()
                        .detect(
                                old,
                                taken.get(taken.size() - 1),
                                tools.settings().apply(probe));
                out.println(probe.id() + " against " + BaselineReview.describe(previous, old.file()));
                BaselineReview.print(out, report);
            }
            boolean merged = merge && previous != null;
            Baseline accepted = merged ? tools.recorder().merge(previous, fresh) : fresh;
            tools.store().write(accepted);
            out.println("accepted " + tools.store().file(probe.id())
                    + (merged ? " (merged with the previous baseline)" : ""));
            return BaselineCommand.OK;
        } catch (BaselineReview.Stop e) {
            err.println(e.getMessage());
            return e.exitCode;
        } catch (BaselineRecordingException e) {
            err.println("cannot accept " + probeId + ": " + e.getMessage());
            return BaselineCommand.DRIFT;
        } catch (BaselineFormatException e) {
            err.println(e.getMessage());
            return BaselineCommand.CONFIG_ERROR;
        } catch (IOException e) {
            err.println("cannot write " + tools.store().file(probeId) + ": " + e.getMessage());
            return BaselineCommand.CONFIG_ERROR;
        }
    }
}
