package io.driftwatch.baseline;

/**
 * How the schema inferrer generalises from samples.
 *
 * @param enums write {@code enum} for string fields with few distinct values; off by default because a
 *     status field that shows one value in five samples would otherwise flag every new value
 * @param maxEnumValues the most distinct values an inferred enum may have
 */
public record InferenceOptions(boolean enums, int maxEnumValues) {
    public static final InferenceOptions DEFAULT = new InferenceOptions(false, 8);

    public InferenceOptions {
        if (maxEnumValues < 1) throw new IllegalArgumentException("maxEnumValues must be at least 1");
    }
}
