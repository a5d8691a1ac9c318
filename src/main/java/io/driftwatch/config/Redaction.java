package io.driftwatch.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Masks secret values in problem messages: a value that failed a check may be echoed in its message. */
final class Redaction {

    private Redaction() {}

    static List<ConfigProblem> redact(List<ConfigProblem> problems, Collection<String> secrets) {
        List<String> longestFirst = secrets.stream()
                .filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        List<ConfigProblem> out = new ArrayList<>(problems.size());
        for (ConfigProblem p : problems) {
            String message = p.message();
            for (String secret : longestFirst) message = message.replace(secret, Secret.MASK);
            out.add(message.equals(p.message()) ? p : new ConfigProblem(p.file(), p.line(), p.column(), message));
        }
        return out;
    }
}
