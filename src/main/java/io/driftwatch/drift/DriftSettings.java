package io.driftwatch.drift;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-probe drift rules.
 *
 * @param maxMissingRequired when 0 or more: a run with more distinct required fields missing than
 *     this fails (those findings become breaking), with this many or fewer they are warnings; -1 leaves
 *     each at its own severity
 * @param absentOptionalIsBreaking false for vendors that omit valueless properties (QuickBooks): an
 *     absent optional field is never reported, and a missing required field is a warning unless
 *     {@code maxMissingRequired} is exceeded; true reports an optional field absent from every object
 *     as {@code field-removed}
 * @param severities per-kind overrides of {@link DriftKind#defaultSeverity()}
 * @param ignorePaths paths (as findings print them, {@code [*]} for array elements) never reported,
 *     including everything below them
 * @param enums whether {@code enum} in a recorded baseline is checked ({@code enum-value-added}); a
 *     hand-written schema's enums are always checked (the team wrote them on purpose)
 */
public record DriftSettings(
        int maxMissingRequired,
        boolean absentOptionalIsBreaking,
        Map<DriftKind, Severity> severities,
        Set<String> ignorePaths,
        boolean enums) {

    public static final DriftSettings DEFAULT = new DriftSettings(-1, false, Map.of(), Set.of());

    public DriftSettings {
        severities = severities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(severities));
        ignorePaths = Set.copyOf(ignorePaths);
    }

    /** With enums checked wherever a baseline has them. */
    public DriftSettings(
            int maxMissingRequired,
            boolean absentOptionalIsBreaking,
            Map<DriftKind, Severity> severities,
            Set<String> ignorePaths) {
        this(maxMissingRequired, absentOptionalIsBreaking, severities, ignorePaths, true);
    }

    public Severity severityOf(DriftKind kind) {
        return severities.getOrDefault(kind, kind.defaultSeverity());
    }

    /** True when {@code path} is an ignored path or lies below one. */
    public boolean ignores(String path) {
        if (ignorePaths.isEmpty()) return false;
        for (String ignored : ignorePaths) {
            if (path.startsWith(ignored)
                    && (path.length() == ignored.length()
                            || path.charAt(ignored.length()) == '.'
                            || path.charAt(ignored.length()) == '[')) {
                return true;
            }
        }
        return false;
    }
}
