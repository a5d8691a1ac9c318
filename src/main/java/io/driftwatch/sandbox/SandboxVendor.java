package io.driftwatch.sandbox;

import java.util.Locale;

/** The systems the sandbox stands in for; the lower-case name is the {@code vendor} scenario param. */
public enum SandboxVendor {
    QUICKBOOKS,
    SALESFORCE,
    SMARTY,
    JOBS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The vendor named {@code key} (case-insensitive), or an exception naming the valid keys. */
    public static SandboxVendor of(String key) {
        for (SandboxVendor v : values()) {
            if (v.key().equalsIgnoreCase(key.trim())) return v;
        }
        throw new IllegalArgumentException("unknown vendor: " + key + " (quickbooks, salesforce, smarty, jobs)");
    }
}
