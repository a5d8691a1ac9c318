package io.driftwatch.cli;

import io.driftwatch.baseline.BaselineRecorder;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.Sample;
import io.driftwatch.baseline.SchemaFiles;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.drift.DriftSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the {@code baseline} commands need from the rest of driftwatch; the launcher builds one from
 * the loaded configuration.
 *
 * @param probes the loaded probe with this id, or empty when none has it
 * @param sampler runs a probe once (the same runner {@code check} uses) and returns its response
 * @param settings a probe's drift rules (see SchemaDriftCheck.settingsOf)
 * @param interval the default pause between recorded samples
 */
public record BaselineTools(
        Function<String, Optional<ProbeDefinition>> probes,
        ProbeSampler sampler,
        BaselineStore store,
        SchemaFiles schemaFiles,
        BaselineRecorder recorder,
        Function<ProbeDefinition, DriftSettings> settings,
        Duration interval) {

    /** Runs a probe once. Exceptions carry a message safe to print (no secrets). */
    @FunctionalInterface
    public interface ProbeSampler {
        Sample run(ProbeDefinition probe) throws Exception;
    }
}
