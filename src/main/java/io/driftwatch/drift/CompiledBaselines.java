package io.driftwatch.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-probe cache of compiled baselines. The stores hand out the same {@link Baseline} and schema
 * instances until their files change, so a cache hit is an identity comparison: a schema is compiled
 * once per version of its file, and an accepted baseline takes effect on the next run. Thread-safe.
 */
public final class CompiledBaselines {
    private record Entry(Baseline stored, JsonNode fileSchema, CompiledBaseline compiled) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The compiled baseline of a probe.
     *
     * @param stored the recorded baseline, or null when none exists (only allowed with a schema file)
     * @param fileSchema the probe's schema file content, or null when the probe uses the recorded schema
     * @param file the file to name in findings (the schema file when given, else the baseline file)
     */
    public CompiledBaseline get(String probeId, Baseline stored, JsonNode fileSchema, String schemaFile, String file)
            throws BaselineFormatException {
        Entry entry = entries.get(probeId);
        if (entry != null && entry.stored() == stored && entry.fileSchema() == fileSchema) return entry.compiled();
        Baseline effective = stored;
        if (fileSchema != null) {
            effective = stored != null
                    ? stored.withSchema(schemaFile, fileSchema)
                    : new Baseline(
                            probeId, "", Instant.EPOCH, 0, 0, null, new TreeMap<>(), null, schemaFile, fileSchema);
        }
        CompiledBaseline compiled = CompiledBaseline.compile(effective, file);
        entries.put(probeId, new Entry(stored, fileSchema, compiled));
        return compiled;
    }

    /** When each probe's baseline was recorded (for {@code driftwatch_baseline_age_seconds}); probes with only a schema file are absent. */
    public Map<String, Instant> recordedAt() {
        Map<String, Instant> out = new TreeMap<>();
        entries.forEach((probe, e) -> {
            if (e.stored() != null) out.put(probe, e.stored().recordedAt());
        });
        return out;
    }

    public void forget(String probeId) {
        entries.remove(probeId);
    }
}
