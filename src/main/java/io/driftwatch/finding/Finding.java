package io.driftwatch.finding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a check observed about a run.
 *
 * @param check the check that produced it ({@code status}, {@code latency}, {@code assertion[0]}...)
 * @param kind one of {@link FindingKind}; bounded, safe as a metric label
 * @param level how it weighs on the run's outcome
 * @param message one line for a person, naming what was expected and what was seen; never a secret
 * @param evidence ordered key/value detail (expected, actual, path, baseline...), values already redacted
 */
public record Finding(String check, String kind, Level level, String message, Map<String, String> evidence) {

    public Finding {
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence == null ? Map.of() : evidence));
    }

    public static Finding fail(String check, String kind, String message) {
        return new Finding(check, kind, Level.FAIL, message, Map.of());
    }

    public static Finding warn(String check, String kind, String message) {
        return new Finding(check, kind, Level.WARN, message, Map.of());
    }

    public Finding withEvidence(String key, Object value) {
        var copy = new LinkedHashMap<>(evidence);
        copy.put(key, String.valueOf(value));
        return new Finding(check, kind, level, message, copy);
    }
}
