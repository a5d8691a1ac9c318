package io.driftwatch.drift;

/**
 * One classified difference between a response and its baseline.
 *
 * @param path where, as {@link DriftPaths} prints it ({@code $} for status and content type)
 * @param baseline what the baseline expected, e.g. {@code number}, {@code date}, {@code [NotSet, NeedToSend]}
 * @param observed what the response had, e.g. {@code string}, {@code null}, {@code "PrintComplete"}
 * @param example a short value from the response, already redacted when it looks secret; null when
 *     there is nothing to show (an absent field)
 * @param count how many values or objects at the path show the change
 * @param total how many values or objects were seen at the path (or its parent for presence changes)
 */
public record DriftChange(
        DriftKind kind,
        Severity severity,
        String path,
        String baseline,
        String observed,
        String example,
        int count,
        int total) {

    public DriftChange withSeverity(Severity s) {
        return new DriftChange(kind, s, path, baseline, observed, example, count, total);
    }

    /** One line for a person; the exact text is API (alerts and tests rely on it). */
    public String message() {
        String at = kind.label() + " at " + path + ": ";
        return switch (kind) {
            case FIELD_REMOVED ->
                at + "absent in " + count + " of " + total + " objects (baseline: optional " + baseline + ")";
            case REQUIRED_FIELD_MISSING ->
                at + "missing in " + count + " of " + total + " objects (baseline: required " + baseline + ")";
            case TYPE_CHANGED, OBJECT_BECAME_ARRAY, ARRAY_BECAME_OBJECT, FORMAT_CHANGED ->
                at + "baseline " + baseline + ", observed " + observed + " in " + count + " of " + total + " values";
            case BECAME_NULLABLE ->
                at + "baseline " + baseline + ", observed null in " + count + " of " + total + " values";
            case ENUM_VALUE_ADDED ->
                at + "baseline " + baseline + ", observed new " + (count == 1 ? "value " : "values ") + observed;
            case FIELD_ADDED -> at + observed + " in " + count + " of " + total + " objects";
            case STATUS_CHANGED -> kind.label() + ": baseline " + baseline + ", observed " + observed;
            case CONTENT_TYPE_CHANGED -> kind.label() + ": baseline " + baseline + ", observed " + observed;
            case SCHEMA_VIOLATION ->
                at + observed + " (" + baseline + ", " + count + (count == 1 ? " value)" : " values)");
        };
    }
}
