package io.driftwatch.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.baseline.BaselineRecorder;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.SchemaFiles;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.http.AuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.checks.SchemaDriftCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Binds {@code baseline record|diff|accept} to the engine. Directories come from the environment
 * (DRIFTWATCH_PROBES, DRIFTWATCH_BASELINES), like the other commands' defaults.
 */
final class BaselineWiring {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BaselineWiring() {}

    static CommandLine commandLine() {
        var env = System.getenv();
        Settings settings = new Settings(
                Path.of(env.getOrDefault("DRIFTWATCH_PROBES", "probes")),
                Path.of(env.getOrDefault("DRIFTWATCH_BASELINES", "baselines")),
                Path.of(env.getOrDefault("DRIFTWATCH_ALERTING", "alerting")),
                Path.of(env.getOrDefault("DRIFTWATCH_DATA", "data")),
                null,
                Settings.DEFAULT_HOST,
                0,
                env);
        var engine = new Object() {
            Engine value;

            synchronized Engine get() {
                if (value == null) {
                    value = Extensions.engine(settings, Clock.systemUTC(), new DriftwatchMetrics(), AuditLog.NONE);
                    value.reload();
                }
                return value;
            }
        };
        var tools = new BaselineTools(
                id -> Optional.ofNullable(engine.get().active().probes().get(id)),
                probe -> sample(engine.get(), probe),
                new BaselineStore(settings.baselinesDir()),
                new SchemaFiles(),
                new BaselineRecorder(
                        Clock.systemUTC(),
                        io.driftwatch.baseline.Sleeper.SYSTEM,
                        Version.current(),
                        InferenceOptions.DEFAULT,
                        List.of("content-type")),
                SchemaDriftCheck::settingsOf,
                Duration.ofSeconds(2));
        return BaselineCommand.commandLine(tools);
    }

    /** Runs the probe once through the engine and returns its response as a baseline sample. */
    static io.driftwatch.baseline.Sample sample(Engine engine, ProbeDefinition probe) throws Exception {
        ProbeResult r = engine.runner().run(probe, engine.clock().instant());
        if (r.exchange() == null || r.exchange().status() == 0) {
            String why =
                    r.firstProblem() == null ? "no response" : r.firstProblem().message();
            throw new IllegalStateException("probe " + probe.id() + " got no response: " + why);
        }
        Optional<JsonNode> json = Optional.empty();
        try {
            if (r.exchange().body().length > 0)
                json = Optional.of(JSON.readTree(r.exchange().body()));
        } catch (java.io.IOException e) {
            json = Optional.empty();
        }
        return SchemaDriftCheck.sampleOf(r.exchange(), json);
    }
}
