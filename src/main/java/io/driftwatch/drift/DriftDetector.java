package io.driftwatch.drift;

import io.driftwatch.baseline.Sample;
import io.driftwatch.baseline.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares one response with its compiled baseline: status, content type, the shape diff and the
 * schema validator, then applies the probe's rules (ignored paths, severity overrides, absent
 * optional fields, maxMissingRequired). Stateless and thread-safe.
 */
public final class DriftDetector {
    /** When the networknt validator runs besides the shape diff. */
    public enum Validation {
        /** On every response (the default). */
        ALWAYS,
        /**
         * On responses checked against a hand-written schema, and on recorded baselines only when the
         * shape diff found a change. A recorded schema only uses keywords the diff checks exhaustively,
         * so on a conforming response the validator cannot find anything; skipping it makes a 1 MB page
         * about 6 times cheaper (docs/benchmarks/drift.md). A recorded file edited to use other keywords
         * is always validated. The daemon's default.
         */
        WHEN_NEEDED
    }

    private static final Comparator<DriftChange> WORST_FIRST = Comparator.comparing(DriftChange::severity)
            .reversed()
            .thenComparing(DriftChange::path)
            .thenComparing(DriftChange::kind);

    private final Validation validation;

    public DriftDetector() {
        this(Validation.ALWAYS);
    }

    public DriftDetector(Validation validation) {
        this.validation = validation;
    }

    public DriftReport detect(CompiledBaseline compiled, Sample sample, DriftSettings settings) {
        List<DriftChange> raw = new ArrayList<>();
        int status = compiled.baseline().status();
        boolean statusChanged = status != 0 && sample.status() != status;
        if (statusChanged) {
            raw.add(new DriftChange(
                    DriftKind.STATUS_CHANGED,
                    null,
                    "$",
                    String.valueOf(status),
                    String.valueOf(sample.status()),
                    null,
                    1,
                    1));
        }
        String contentType = compiled.baseline().contentType();
        if (contentType != null && !Objects.equals(contentType, sample.mediaType())) {
            String observed = sample.mediaType() == null ? "none" : sample.mediaType();
            raw.add(new DriftChange(DriftKind.CONTENT_TYPE_CHANGED, null, "$", contentType, observed, null, 1, 1));
        }
        // An error body under a changed status is not the response's shape: the status is the finding.
        if (!statusChanged && compiled.spec() != null && sample.json() != null) {
            Shape observed = new Shape();
            observed.observe(sample.json(), compiled.hasEnums());
            List<DriftChange> diff = ShapeDiff.diff(compiled.spec(), observed);
            raw.addAll(diff);
            boolean validate = validation == Validation.ALWAYS || !compiled.diffCoversSchema() || !diff.isEmpty();
            if (validate) raw.addAll(SchemaViolations.find(compiled.validator(), sample.json(), diff));
            // Dropped after validation so the validator's enum errors stay explained by the diff.
            if (!settings.enums() && compiled.recorded()) raw.removeIf(c -> c.kind() == DriftKind.ENUM_VALUE_ADDED);
        }
        return applyRules(raw, settings);
    }

    static DriftReport applyRules(List<DriftChange> raw, DriftSettings settings) {
        List<DriftChange> kept = new ArrayList<>();
        int missingRequired = 0;
        for (DriftChange c : raw) {
            if (settings.ignores(c.path())) continue;
            if (c.kind() == DriftKind.FIELD_REMOVED && !settings.absentOptionalIsBreaking()) continue;
            if (c.kind() == DriftKind.REQUIRED_FIELD_MISSING) missingRequired++;
            kept.add(c);
        }
        List<DriftChange> out = new ArrayList<>(kept.size());
        for (DriftChange c : kept) {
            Severity severity = settings.severityOf(c.kind());
            if (c.kind() == DriftKind.REQUIRED_FIELD_MISSING)
                severity = missingSeverity(severity, missingRequired, settings);
            out.add(c.withSeverity(severity));
        }
        out.sort(WORST_FIRST);
        return new DriftReport(out, missingRequired);
    }

    /** Missing required fields: breaking past maxMissingRequired, at most a warning within it or when absence is tolerated. */
    private static Severity missingSeverity(Severity configured, int missing, DriftSettings settings) {
        if (settings.maxMissingRequired() >= 0) {
            return missing > settings.maxMissingRequired() ? Severity.BREAKING : min(configured, Severity.WARNING);
        }
        return settings.absentOptionalIsBreaking() ? configured : min(configured, Severity.WARNING);
    }

    private static Severity min(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
