package io.driftwatch.config;

import java.util.Set;

/**
 * Accepted HTTP status codes: exact codes ({@code 200}, {@code [200, 204]}) and classes ({@code 2xx} is
 * stored as class 2). Defaults to 2xx.
 */
public record StatusExpectation(Set<Integer> codes, Set<Integer> classes) {
    public static final StatusExpectation DEFAULT = new StatusExpectation(Set.of(), Set.of(2));

    public StatusExpectation {
        codes = Set.copyOf(codes);
        classes = Set.copyOf(classes);
    }

    public boolean matches(int status) {
        return codes.contains(status) || classes.contains(status / 100);
    }

    /** "200", "200, 204", "2xx", as written in probe files. */
    public String describe() {
        var parts = new java.util.ArrayList<String>();
        codes.stream().sorted().forEach(c -> parts.add(String.valueOf(c)));
        classes.stream().sorted().forEach(c -> parts.add(c + "xx"));
        return String.join(", ", parts);
    }
}
