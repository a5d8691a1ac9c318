package io.driftwatch.alert.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code match:} block. Every given condition must hold (AND); within one condition any listed value
 * may match (OR). Probe values (YAML key probe) are ids or globs ({@code *} any run of characters, {@code ?}
 * one). The kind condition matches the alert's kind or any of its findings' kinds. An empty matcher matches
 * everything.
 */
public record Matcher(
        List<String> probes,
        List<String> vendors,
        List<String> severities,
        List<String> kinds,
        Map<String, String> labels) {
    public static final Matcher ANY = new Matcher(List.of(), List.of(), List.of(), List.of(), Map.of());

    public Matcher {
        probes = List.copyOf(probes);
        vendors = List.copyOf(vendors);
        severities = List.copyOf(severities);
        kinds = List.copyOf(kinds);
        labels = Map.copyOf(labels);
    }

    public boolean matches(AlertSubject s) {
        if (!probes.isEmpty() && (s.probeId() == null || probes.stream().noneMatch(g -> glob(g, s.probeId()))))
            return false;
        if (!vendors.isEmpty() && !vendors.contains(s.vendor())) return false;
        if (!severities.isEmpty() && !severities.contains(s.severity())) return false;
        if (!kinds.isEmpty() && kinds.stream().noneMatch(s.kinds()::contains)) return false;
        for (var label : labels.entrySet()) {
            if (!label.getValue().equals(s.labels().get(label.getKey()))) return false;
        }
        return true;
    }

    static boolean glob(String pattern, String value) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) return pattern.equals(value);
        var regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
