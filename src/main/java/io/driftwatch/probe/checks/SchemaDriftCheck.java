package io.driftwatch.probe.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.Sample;
import io.driftwatch.baseline.SchemaFiles;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.SchemaExpectation;
import io.driftwatch.drift.CompiledBaseline;
import io.driftwatch.drift.CompiledBaselines;
import io.driftwatch.drift.DriftDetector;
import io.driftwatch.drift.DriftFindings;
import io.driftwatch.drift.DriftKind;
import io.driftwatch.drift.DriftReport;
import io.driftwatch.drift.DriftSettings;
import io.driftwatch.drift.DriftTracker;
import io.driftwatch.drift.Severity;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Schema drift: compares every response with the probe's baseline ({@code baselines/<id>.json}) or
 * the schema file it names, and reports each classified change as a {@code schema-drift} finding.
 * Applies when the probe has {@code expect.schema} with {@code baseline: true} or a {@code file}.
 *
 * <p>State: compiled schemas (cached until their file changes) and each change's first-seen time and
 * run count, in memory. Thread-safe; one instance serves all probes.
 */
public final class SchemaDriftCheck implements Check {
    public static final String NAME = "schema-drift";

    private final BaselineStore store;
    private final SchemaFiles schemaFiles;
    private final CompiledBaselines compiled = new CompiledBaselines();
    private final DriftDetector detector;
    private final DriftTracker tracker;
    private final Function<ProbeDefinition, DriftSettings> settings;

    /**
     * @param settings the drift rules of a probe; {@link #settingsOf(ProbeDefinition)} reads what
     *     {@link SchemaExpectation} holds today
     */
    public SchemaDriftCheck(
            BaselineStore store,
            SchemaFiles schemaFiles,
            DriftTracker tracker,
            Function<ProbeDefinition, DriftSettings> settings) {
        this(store, schemaFiles, tracker, settings, DriftDetector.Validation.ALWAYS);
    }

    /** @param validation when the schema validator runs besides the shape diff (see {@link DriftDetector.Validation}) */
    public SchemaDriftCheck(
            BaselineStore store,
            SchemaFiles schemaFiles,
            DriftTracker tracker,
            Function<ProbeDefinition, DriftSettings> settings,
            DriftDetector.Validation validation) {
        this.detector = new DriftDetector(validation);
        this.store = store;
        this.schemaFiles = schemaFiles;
        this.tracker = tracker;
        this.settings = settings;
    }

    public SchemaDriftCheck(BaselineStore store) {
        this(store, new SchemaFiles(), new DriftTracker(), SchemaDriftCheck::settingsOf);
    }

    /**
     * Drift rules from the probe's {@code expect.schema}: maxMissingRequired, absentOptionalIsBreaking,
     * severities, ignore and enums (the loader has validated kinds and severities).
     */
    public static DriftSettings settingsOf(ProbeDefinition probe) {
        SchemaExpectation schema =
                probe.expect() == null ? null : probe.expect().schema();
        if (schema == null) return DriftSettings.DEFAULT;
        Map<DriftKind, Severity> severities = new EnumMap<>(DriftKind.class);
        schema.severities().forEach((kind, severity) -> {
            DriftKind k = DriftKind.fromLabel(kind);
            Severity s = Severity.fromLabel(severity);
            if (k != null && s != null) severities.put(k, s);
        });
        return new DriftSettings(
                schema.maxMissingRequired(),
                schema.absentOptionalIsBreaking(),
                severities,
                Set.copyOf(schema.ignore()),
                schema.enums());
    }

    /** A response as the drift code sees it; the body is the parsed JSON or null. */
    public static Sample sampleOf(Exchange exchange, Optional<JsonNode> json) {
        Map<String, String> headers = new HashMap<>();
        for (Entry<String, List<String>> e : exchange.headers().entrySet()) {
            if (!e.getValue().isEmpty()) headers.put(e.getKey(), e.getValue().get(0));
        }
        return new Sample(
                exchange.status(), exchange.header("content-type"), headers, exchange.totalNanos(), json.orElse(null));
    }

    @Override
    public String name() {
        return NAME;
    }

    public DriftTracker tracker() {
        return tracker;
    }

    /** Drops a removed probe's compiled baseline and drift history. */
    public void forget(String probeId) {
        compiled.forget(probeId);
        tracker.forget(probeId);
    }

    /** When the baseline of each probe checked so far was recorded (for {@code driftwatch_baseline_age_seconds}). */
    public Map<String, Instant> baselineRecordedAt() {
        return compiled.recordedAt();
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        ProbeDefinition probe = context.probe();
        SchemaExpectation expectation =
                probe.expect() == null ? null : probe.expect().schema();
        if (expectation == null || (!expectation.baseline() && expectation.file() == null)) return List.of();
        if (!context.exchange().responded()) return List.of(); // the transport failure is the finding
        CompiledBaseline baseline;
        try {
            Optional<CompiledBaseline> resolved = resolve(probe, expectation);
            if (resolved.isEmpty()) {
                return List.of(new Finding(
                        NAME,
                        FindingKind.SCHEMA_DRIFT,
                        Level.INFO,
                        "no baseline: " + store.file(probe.id())
                                + " does not exist (record one with: driftwatch baseline record " + probe.id() + ")",
                        Map.of("baselineFile", store.file(probe.id()).toString())));
            }
            baseline = resolved.get();
        } catch (BaselineFormatException | IOException e) {
            return List.of(new Finding(
                    NAME,
                    FindingKind.CONFIG,
                    Level.WARN,
                    "baseline unusable: " + firstLine(e.getMessage()),
                    Map.of("baselineFile", baselineFileOf(probe, expectation))));
        }
        Sample sample = sampleOf(context.exchange(), context.json());
        DriftReport report = detector.detect(baseline, sample, settings.apply(probe));
        var tracked =
                tracker.update(probe.id(), report.changes(), context.clock().instant());
        return DriftFindings.of(NAME, tracked, baseline.file());
    }

    private Optional<CompiledBaseline> resolve(ProbeDefinition probe, SchemaExpectation expectation)
            throws IOException, BaselineFormatException {
        Baseline stored = store.read(probe.id()).orElse(null);
        if (expectation.file() == null) {
            if (stored == null) return Optional.empty();
            return Optional.of(compiled.get(
                    probe.id(), stored, null, null, store.file(probe.id()).toString()));
        }
        Path file = schemaFile(probe, expectation.file());
        JsonNode schema = schemaFiles.load(file);
        return Optional.of(compiled.get(probe.id(), stored, schema, expectation.file(), file.toString()));
    }

    /** The file findings name as the probe's baseline: its schema file when it names one, else baselines/<id>.json. */
    private String baselineFileOf(ProbeDefinition probe, SchemaExpectation expectation) {
        return expectation.file() != null
                ? schemaFile(probe, expectation.file()).toString()
                : store.file(probe.id()).toString();
    }

    /** A schema file named by a probe, relative to the probe file's directory. */
    public static Path schemaFile(ProbeDefinition probe, String file) {
        Path probeFile = probe.source() == null ? null : probe.source().file();
        Path dir = probeFile == null ? null : probeFile.getParent();
        return dir == null ? Path.of(file) : dir.resolve(file);
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
