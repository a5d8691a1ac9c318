package io.driftwatch.sandbox;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One active scenario and its parameters (all values as strings).
 *
 * @param kind what happens
 * @param params scenario-specific settings; {@code vendor} limits it to some vendors
 */
public record Scenario(ScenarioKind kind, Map<String, String> params) {

    public Scenario {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        vendorsFrom(kind, params); // validates the vendor list early
        validate(kind, params);
    }

    public static Scenario of(String key) {
        return new Scenario(ScenarioKind.of(key), Map.of());
    }

    public static Scenario of(String key, Map<String, String> params) {
        return new Scenario(ScenarioKind.of(key), params);
    }

    /**
     * Parses the command-line form {@code name} or {@code name:key=value,key=value} (e.g. {@code
     * added-latency:millis=400,vendor=quickbooks}). A vendor list inside params uses {@code +}: {@code
     * vendor=quickbooks+smarty}.
     */
    public static Scenario parse(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
        var params = new LinkedHashMap<String, String>();
        if (colon >= 0) {
            for (String pair : spec.substring(colon + 1).split(",")) {
                if (pair.isBlank()) continue;
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("scenario parameter must be key=value: " + pair);
                params.put(
                        pair.substring(0, eq).trim(),
                        pair.substring(eq + 1).trim().replace('+', ','));
            }
        }
        return new Scenario(ScenarioKind.of(name), params);
    }

    public String name() {
        return kind.key();
    }

    public boolean appliesTo(SandboxVendor vendor) {
        return vendorsFrom(kind, params).contains(vendor);
    }

    public String param(String name, String fallback) {
        String v = params.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** An integer param; an unparsable value is an error naming the param. */
    public long longParam(String name, long fallback) {
        String v = params.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind.key() + ": " + name + " must be a whole number, got " + v, e);
        }
    }

    private static Set<SandboxVendor> vendorsFrom(ScenarioKind kind, Map<String, String> params) {
        String list = params.get("vendor");
        if (list == null || list.isBlank()) return kind.vendors();
        Set<SandboxVendor> chosen = EnumSet.noneOf(SandboxVendor.class);
        for (String key : list.split(",")) chosen.add(SandboxVendor.of(key));
        chosen.retainAll(kind.vendors());
        return chosen;
    }

    /** Rejects parameters the scenario cannot use, so a typo fails at the admin endpoint, not mid-run. */
    private static void validate(ScenarioKind kind, Map<String, String> params) {
        switch (kind) {
            case ADDED_LATENCY, HANG -> range(kind, params, "millis", 0, Long.MAX_VALUE);
            case SERVER_ERRORS -> {
                range(kind, params, "status", 400, 599);
                range(kind, params, "every", 1, Long.MAX_VALUE);
            }
            case HTML_ERROR -> range(kind, params, "status", 200, 599);
            case THROTTLE_STORM -> {
                range(kind, params, "retryAfter", 0, 86_400);
                oneOf(kind, params, "format", "json", "xml");
            }
            case FAULT_200 -> oneOf(kind, params, "shape", "standard", "gateway");
            case QUOTA_USAGE -> {
                range(kind, params, "used", 0, Long.MAX_VALUE);
                range(kind, params, "max", 1, Long.MAX_VALUE);
            }
            case TOTALS_OFF -> {
                String delta = params.get("delta");
                if (delta != null && !delta.isBlank()) {
                    try {
                        new BigDecimal(delta.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "totals-off: delta must be a decimal number, got " + delta, e);
                    }
                }
            }
            default -> {}
        }
    }

    private static void range(ScenarioKind kind, Map<String, String> params, String name, long min, long max) {
        String v = params.get(name);
        if (v == null || v.isBlank()) return;
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind.key() + ": " + name + " must be a whole number, got " + v, e);
        }
        if (n < min || n > max) {
            String bounds = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw new IllegalArgumentException(kind.key() + ": " + name + " must be " + bounds + ", got " + v);
        }
    }

    private static void oneOf(ScenarioKind kind, Map<String, String> params, String name, String... allowed) {
        String v = params.get(name);
        if (v == null || v.isBlank() || java.util.Arrays.asList(allowed).contains(v)) return;
        throw new IllegalArgumentException(
                kind.key() + ": " + name + " must be one of " + String.join(", ", allowed) + ", got " + v);
    }
}
