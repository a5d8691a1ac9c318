package io.driftwatch.sandbox;

import java.util.EnumSet;
import java.util.Set;

/**
 * The drift and failure modes the sandbox can play. Scenarios act on the vendors' data endpoints (token
 * endpoints are left alone except by {@link #REVOKED_TOKEN}, {@link #ADDED_LATENCY} and {@link #HANG}).
 * Every scenario accepts {@code vendor} (comma-separated keys) to limit it to some vendors.
 */
public enum ScenarioKind {
    ADDED_LATENCY("added-latency", "delays every response by params.millis (default 250)"),
    FIELD_REMOVED(
            "field-removed",
            "removes params.field from every record (default: QuickBooks DocNumber, Salesforce Amount, Smarty"
                    + " delivery_line_1, jobs status)"),
    FIELD_RETYPED(
            "field-retyped",
            "turns the number params.field into a string (default: QuickBooks TotalAmt, Salesforce Amount, Smarty"
                    + " metadata.latitude, jobs amount)"),
    OBJECT_TO_ARRAY(
            "object-to-array",
            "wraps the object params.field in a one-element array (default: QuickBooks CustomerRef, Salesforce"
                    + " attributes, Smarty components, jobs customer)"),
    TOTALS_OFF(
            "totals-off",
            "adds params.delta (default 0.02) to the total (QuickBooks TotalAmt, Salesforce Amount, jobs amount)"),
    THROTTLE_STORM(
            "throttle-storm",
            "every data request is throttled: QuickBooks 429 ThrottleExceeded (params.format=xml for the XML"
                    + " fault), Salesforce 403 REQUEST_LIMIT_EXCEEDED, Smarty and jobs 429 with Retry-After"
                    + " params.retryAfter (default 5)"),
    REVOKED_TOKEN(
            "revoked-token",
            "QuickBooks refresh tokens get invalid_grant and access tokens 401; Salesforce sessions issued before"
                    + " activation get INVALID_SESSION_ID; Smarty keys get 401"),
    SERVER_ERRORS(
            "server-errors",
            "every params.every-th (default 1) data request fails with params.status (default 500) in the vendor's"
                    + " error shape"),
    HTML_ERROR("html-error", "data requests get an HTML error page with params.status (default 503)"),
    HANG(
            "hang",
            "requests are accepted and never answered until params.millis (default: the configured hang limit)"
                    + " pass or the sandbox stops"),
    FAULT_200(
            "fault-200",
            "QuickBooks answers HTTP 200 with a Fault body (params.shape=gateway for the lower-case gateway"
                    + " shape)"),
    QUOTA_USAGE(
            "quota-usage",
            "Salesforce API usage set to params.used (of params.max); params.header replaces Sforce-Limit-Info"
                    + " verbatim");

    private final String key;
    private final String description;

    ScenarioKind(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The vendors this kind can affect at all. */
    public Set<SandboxVendor> vendors() {
        return switch (this) {
            case FAULT_200 -> EnumSet.of(SandboxVendor.QUICKBOOKS);
            case QUOTA_USAGE -> EnumSet.of(SandboxVendor.SALESFORCE);
            case REVOKED_TOKEN -> EnumSet.of(SandboxVendor.QUICKBOOKS, SandboxVendor.SALESFORCE, SandboxVendor.SMARTY);
            case TOTALS_OFF -> EnumSet.of(SandboxVendor.QUICKBOOKS, SandboxVendor.SALESFORCE, SandboxVendor.JOBS);
            default -> EnumSet.allOf(SandboxVendor.class);
        };
    }

    /** The kind whose key is {@code key}, or an exception listing the valid keys. */
    public static ScenarioKind of(String key) {
        for (ScenarioKind k : values()) {
            if (k.key.equals(key)) return k;
        }
        var names = new StringBuilder();
        for (ScenarioKind k : values())
            names.append(names.isEmpty() ? "" : ", ").append(k.key);
        throw new IllegalArgumentException("unknown scenario: " + key + " (known: " + names + ")");
    }
}
