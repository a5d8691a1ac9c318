package io.driftwatch.drift;

/**
 * The drift taxonomy: what changed between the baseline and a response, each with a default severity
 * that a probe may override. Labels are bounded and safe as metric label values.
 */
public enum DriftKind {
    /** An optional field is absent from every object at its path; only reported when absent optional fields are breaking. */
    FIELD_REMOVED("field-removed", Severity.BREAKING),
    /** A field present in every baseline sample is missing from some or all objects. */
    REQUIRED_FIELD_MISSING("required-field-missing", Severity.BREAKING),
    /** A value has a type the baseline never had (number became string...). */
    TYPE_CHANGED("type-changed", Severity.BREAKING),
    /** A value is null where the baseline never saw null. */
    BECAME_NULLABLE("became-nullable", Severity.WARNING),
    OBJECT_BECAME_ARRAY("object-became-array", Severity.BREAKING),
    ARRAY_BECAME_OBJECT("array-became-object", Severity.BREAKING),
    /** A string outside the baseline's enum. */
    ENUM_VALUE_ADDED("enum-value-added", Severity.WARNING),
    /** Strings no longer match the baseline's format (a date became a date-time). */
    FORMAT_CHANGED("format-changed", Severity.WARNING),
    /** A field the baseline does not declare. */
    FIELD_ADDED("field-added", Severity.INFO),
    STATUS_CHANGED("status-changed", Severity.BREAKING),
    CONTENT_TYPE_CHANGED("content-type-changed", Severity.BREAKING),
    /** The schema validator rejected the response for a reason the shape diff does not classify (hand-written schemas: pattern, maxLength...). */
    SCHEMA_VIOLATION("schema-violation", Severity.BREAKING);

    private final String label;
    private final Severity defaultSeverity;

    DriftKind(String label, Severity defaultSeverity) {
        this.label = label;
        this.defaultSeverity = defaultSeverity;
    }

    public String label() {
        return label;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The kind with this label, or null. */
    public static DriftKind fromLabel(String label) {
        for (DriftKind k : values()) {
            if (k.label.equals(label)) return k;
        }
        return null;
    }
}
