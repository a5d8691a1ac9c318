package io.driftwatch.vendor.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code Sforce-Limit-Info} (VENDORS.md §2.2): {@code ;}-separated {@code name=used/max} pairs,
 * e.g. {@code api-usage=18/5000}, {@code api-usage=10018/100000; api-bursts=1/750} or {@code
 * per-app-api-usage=17/250(appName=sample-connected-app)}. Unknown pairs and garbage are skipped, never
 * an error.
 */
record SforceLimitInfo(Map<String, Usage> usages) {
    private static final Pattern PAIR =
            Pattern.compile("\\s*([A-Za-z0-9_-]+)\\s*=\\s*(\\d+)\\s*/\\s*(\\d+)(?:\\((.*)\\))?\\s*");

    /** One {@code used/max} pair; {@code detail} is the parenthesised suffix, if any. */
    record Usage(long used, long max, String detail) {
        /** used/max, or empty when max is 0. */
        Optional<Double> ratio() {
            return max <= 0 ? Optional.empty() : Optional.of((double) used / max);
        }
    }

    static SforceLimitInfo parse(String header) {
        var usages = new LinkedHashMap<String, Usage>();
        if (header == null) return new SforceLimitInfo(usages);
        for (String part : header.split("[;,]")) {
            Matcher m = PAIR.matcher(part);
            if (!m.matches()) continue;
            try {
                usages.putIfAbsent(
                        m.group(1).toLowerCase(java.util.Locale.ROOT),
                        new Usage(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4)));
            } catch (NumberFormatException tooLarge) {
                // A number past Long.MAX_VALUE is not a usage we can reason about: skip it.
            }
        }
        return new SforceLimitInfo(Map.copyOf(usages));
    }

    /** The org-wide daily API usage ({@code api-usage}), if present. */
    Optional<Usage> apiUsage() {
        return Optional.ofNullable(usages.get("api-usage"));
    }
}
