package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.Sample;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.SchemaExpectation;
import io.driftwatch.drift.CompiledBaseline;
import io.driftwatch.drift.DriftChange;
import io.driftwatch.drift.DriftReport;
import io.driftwatch.drift.Severity;
import io.driftwatch.probe.checks.SchemaDriftCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Steps shared by the baseline subcommands; each failure carries its exit code and message. */
final class BaselineReview {
    private BaselineReview() {}

    /** A step that ends the command: print the message to stderr and exit with the code. */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Stop(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    static ProbeDefinition probe(BaselineTools tools, String id) throws Stop {
        return tools.probes()
                .apply(id)
                .orElseThrow(() -> new Stop(BaselineCommand.CONFIG_ERROR, "unknown probe '" + id + "'"));
    }

    static Optional<Baseline> stored(BaselineTools tools, String id) throws Stop {
        try {
            return tools.store().read(id);
        } catch (BaselineFormatException e) {
            throw new Stop(BaselineCommand.CONFIG_ERROR, e.getMessage());
        } catch (IOException e) {
            throw new Stop(BaselineCommand.CONFIG_ERROR, tools.store().file(id) + ": unreadable: " + e.getMessage());
        }
    }

    /** The baseline detection would use for the probe (recorded file, or its schema file). */
    static CompiledBaseline compiled(BaselineTools tools, ProbeDefinition probe) throws Stop {
        Baseline stored = stored(tools, probe.id()).orElse(null);
        String schemaFile = schemaFileOf(probe);
        try {
            if (schemaFile == null) {
                if (stored == null) {
                    throw new Stop(
                            BaselineCommand.CONFIG_ERROR,
                            "no baseline for " + probe.id() + ": "
                                    + tools.store().file(probe.id())
                                    + " does not exist (record one with: driftwatch baseline record " + probe.id()
                                    + ")");
                }
                return CompiledBaseline.compile(
                        stored, tools.store().file(probe.id()).toString());
            }
            Path file = SchemaDriftCheck.schemaFile(probe, schemaFile);
            JsonNode schema = tools.schemaFiles().load(file);
            Baseline effective = stored != null
                    ? stored.withSchema(schemaFile, schema)
                    : new Baseline(
                            probe.id(), "", Instant.EPOCH, 0, 0, null, new TreeMap<>(), null, schemaFile, schema);
            return CompiledBaseline.compile(effective, file.toString());
        } catch (BaselineFormatException e) {
            throw new Stop(BaselineCommand.CONFIG_ERROR, e.getMessage());
        }
    }

    /** Whether the probe records string enums ({@code expect.schema.enums}). */
    static boolean enumsOf(ProbeDefinition probe) {
        SchemaExpectation schema =
                probe.expect() == null ? null : probe.expect().schema();
        return schema != null && schema.enums();
    }

    static String schemaFileOf(ProbeDefinition probe) {
        SchemaExpectation schema =
                probe.expect() == null ? null : probe.expect().schema();
        return schema == null ? null : schema.file();
    }

    static Sample sample(BaselineTools tools, ProbeDefinition probe) throws Stop, InterruptedException {
        try {
            return Objects.requireNonNull(tools.sampler().run(probe), "sample");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new Stop(
                    BaselineCommand.DRIFT,
                    "probe " + probe.id() + " failed: " + Objects.toString(e.getMessage(), e.toString()));
        }
    }

    /** A person-readable report: a summary line, then one block per change, worst first. */
    static void print(PrintWriter out, DriftReport report) {
        if (report.isEmpty()) {
            out.println("no drift");
            return;
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        report.changes().forEach(c -> bySeverity.merge(c.severity(), 1, Integer::sum));
        StringBuilder summary = new StringBuilder()
                .append(report.changes().size())
                .append(report.changes().size() == 1 ? " change:" : " changes:");
        String sep = " ";
        for (Severity s : new Severity[] {Severity.BREAKING, Severity.WARNING, Severity.INFO}) {
            if (bySeverity.containsKey(s)) {
                summary.append(sep).append(bySeverity.get(s)).append(' ').append(s.label());
                sep = ", ";
            }
        }
        out.println(summary);
        for (DriftChange c : report.changes()) {
            out.printf("  %-9s %s%n", c.severity().label().toUpperCase(Locale.ROOT), c.message());
            if (c.example() != null) out.printf("  %-9s example: %s%n", "", c.example());
        }
    }

    static String describe(Baseline b, String file) {
        if (b.sampleCount() == 0) return file;
        return file + " (recorded " + b.recordedAt() + " from " + b.sampleCount()
                + (b.sampleCount() == 1 ? " sample)" : " samples)");
    }
}
