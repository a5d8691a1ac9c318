package io.driftwatch.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.config.ConfigProblem;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A baseline made ready for detection: the networknt validator (draft 2020-12, remote references never
 * fetched) and the diff's view of the schema, both built once. Immutable and thread-safe.
 */
public final class CompiledBaseline {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private final Baseline baseline;
    private final String file;
    private final Schema validator;
    private final SpecNode spec;
    private final boolean hasEnums;
    private final boolean diffCovers;

    private CompiledBaseline(Baseline baseline, String file, Schema validator, SpecNode spec) {
        this.baseline = baseline;
        this.file = file;
        this.validator = validator;
        this.spec = spec;
        this.hasEnums = spec != null && hasEnums(spec, Collections.newSetFromMap(new IdentityHashMap<>()));
        this.diffCovers = spec != null && recorded() && InferredKeywords.only(baseline.schema());
    }

    /**
     * Compiles a baseline.
     *
     * @param file where the schema came from, shown in findings ({@code baselines/x.json} or the
     *     probe's schema file)
     * @throws BaselineFormatException when the schema cannot be compiled
     */
    public static CompiledBaseline compile(Baseline baseline, String file) throws BaselineFormatException {
        JsonNode schema = baseline.schema();
        if (schema == null) return new CompiledBaseline(baseline, file, null, null);
        try {
            Schema validator = REGISTRY.getSchema(schema);
            validator.initializeValidators();
            // A recorded schema lists every field; a hand-written one (schemaFile set) only those relied on.
            SpecNode spec = SpecParser.parse(schema, baseline.schemaFile() == null);
            return new CompiledBaseline(baseline, file, validator, spec);
        } catch (RuntimeException e) {
            throw new BaselineFormatException(
                    List.of(new ConfigProblem(Path.of(file), 1, 1, "invalid JSON Schema: " + e.getMessage())));
        }
    }

    public Baseline baseline() {
        return baseline;
    }

    /** The file findings name as the baseline. */
    public String file() {
        return file;
    }

    /** True when the schema was recorded (inferred), false when it is a hand-written schema file. */
    boolean recorded() {
        return baseline.schemaFile() == null;
    }

    /**
     * True when the schema is recorded and uses only the keywords the inferrer writes, all of which the
     * shape diff checks exhaustively: on a response the diff finds conforming, the validator cannot find
     * anything. False for hand-written schema files and for recorded files edited to add other keywords.
     */
    boolean diffCoversSchema() {
        return diffCovers;
    }

    Schema validator() {
        return validator;
    }

    SpecNode spec() {
        return spec;
    }

    /** Whether string values must be collected while observing a response (some path has an enum). */
    boolean hasEnums() {
        return hasEnums;
    }

    private static boolean hasEnums(SpecNode node, Set<SpecNode> visited) {
        if (!visited.add(node)) return false;
        if (node.enumValues != null) return true;
        if (node.items != null && hasEnums(node.items, visited)) return true;
        if (node.properties != null) {
            for (SpecNode child : node.properties.values()) {
                if (hasEnums(child, visited)) return true;
            }
        }
        return false;
    }
}
