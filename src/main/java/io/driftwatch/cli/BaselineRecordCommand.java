package io.driftwatch.cli;

import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineRecordingException;
import io.driftwatch.config.ProbeDefinition;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baseline record ID [--samples N] [--interval D]}: learn a probe's baseline and write it. */
@Command(
        name = "record",
        description = "Run a probe N times and write baselines/<id>.json.",
        mixinStandardHelpOptions = true)
public final class BaselineRecordCommand implements Callable<Integer> {
    private final BaselineTools tools;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The probe id.")
    String probeId;

    @Option(
            names = "--samples",
            defaultValue = "5",
            description = "Responses to learn from (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--interval",
            converter = BaselineCommand.DurationConverter.class,
            description = "Pause between samples (default: the configured interval).")
    Duration interval;

    @Option(
            names = "--no-latency",
            description = "Leave latency out (for recordings against a stand-in such as the sandbox, whose"
                    + " timings say nothing about the vendor): latency drift then waits for a real recording.")
    boolean noLatency;

    public BaselineRecordCommand(BaselineTools tools) {
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
            Duration pause = interval != null ? interval : tools.interval();
            Baseline baseline = tools.recorder()
                    .withEnums(BaselineReview.enumsOf(probe))
                    .record(probe.id(), samples, pause, () -> tools.sampler().run(probe));
            String schemaFile = BaselineReview.schemaFileOf(probe);
            if (schemaFile != null) baseline = baseline.withSchema(schemaFile, null); // the file stays the schema
            if (noLatency) baseline = baseline.withoutLatency();
            tools.store().write(baseline);
            out.println("recorded " + tools.store().file(probe.id()) + " from " + samples
                    + (samples == 1 ? " sample" : " samples") + ": status " + baseline.status() + ", "
                    + (baseline.contentType() == null ? "no content type" : baseline.contentType())
                    + (baseline.latency() == null
                            ? ", no latency"
                            : ", p95 " + baseline.latency().p95().toPlainString() + " ms"));
            return BaselineCommand.OK;
        } catch (BaselineReview.Stop e) {
            err.println(e.getMessage());
            return e.exitCode;
        } catch (BaselineRecordingException e) {
            err.println("cannot record " + probeId + ": " + e.getMessage());
            return BaselineCommand.DRIFT;
        } catch (IOException e) {
            err.println("cannot write " + tools.store().file(probeId) + ": " + e.getMessage());
            return BaselineCommand.CONFIG_ERROR;
        }
    }
}
