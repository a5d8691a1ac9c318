package io.driftwatch.probe.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.Assertion;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One JSONPath assertion. Semantics: {@code exists} counts matches; {@code equals}, {@code matches},
 * {@code lessThan}, {@code greaterThan} and {@code type} must hold for every match and fail when nothing
 * matched; {@code length} is the size of a single matched array or string, else the number of matches.
 * Regular expressions search ({@code find}); anchor them with ^ and $ for a full match.
 */
public final class AssertionCheck implements Check {
    private static final int MAX_SHOWN = 120;
    private final String name;
    private final Assertion assertion;
    private final Pattern pattern;

    public AssertionCheck(int index, Assertion assertion) {
        this.name = "assertion[" + index + "]";
        this.assertion = assertion;
        this.pattern = assertion.matches() == null ? null : Pattern.compile(assertion.matches());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<JsonNode> json = context.json();
        if (context.exchange().status() == 0 || json.isEmpty()) return List.of(); // reported once by the runner
        List<JsonNode> matches = JsonPathReader.select(json.get(), assertion.path());
        String problem = problem(matches);
        if (problem == null) return List.of();
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("path", assertion.path());
        evidence.put("assertion", assertion.describe());
        evidence.put("matched", String.valueOf(matches.size()));
        if (!matches.isEmpty()) evidence.put("actual", shown(matches.get(0)));
        return List.of(
                new Finding(name, FindingKind.ASSERTION, Level.FAIL, assertion.describe() + ": " + problem, evidence));
    }

    /** Null when the assertion holds, else what went wrong. */
    private String problem(List<JsonNode> matches) {
        if (assertion.exists() != null) {
            boolean found = !matches.isEmpty();
            if (found == assertion.exists()) return null;
            return found ? "found " + shown(matches.get(0)) : "no match";
        }
        if (assertion.length() != null) {
            int length = lengthOf(matches);
            return length == assertion.length() ? null : "length is " + length;
        }
        if (matches.isEmpty()) return "no match";
        for (JsonNode node : matches) {
            String p = problemWith(node);
            if (p != null) return p;
        }
        return null;
    }

    private String problemWith(JsonNode node) {
        if (assertion.equalTo() != null) {
            return JsonValues.sameValue(node, assertion.equalTo()) ? null : "was " + shown(node);
        }
        if (pattern != null) {
            if (!node.isValueNode()) return "was " + JsonValues.typeOf(node) + ", not a string";
            return pattern.matcher(node.asText()).find() ? null : "was " + shown(node);
        }
        if (assertion.lessThan() != null || assertion.greaterThan() != null) {
            BigDecimal value = JsonValues.decimal(node);
            if (value == null) return "was " + shown(node) + ", not a number";
            if (assertion.lessThan() != null && value.compareTo(assertion.lessThan()) >= 0)
                return "was " + value.toPlainString();
            if (assertion.greaterThan() != null && value.compareTo(assertion.greaterThan()) <= 0)
                return "was " + value.toPlainString();
            return null;
        }
        if (assertion.type() != null) {
            String actual = JsonValues.typeOf(node);
            boolean ok = actual.equals(assertion.type())
                    || (assertion.type().equals("number") && actual.equals("integer"))
                    || (assertion.type().equals("integer") && node.isNumber() && JsonValues.isWhole(node));
            return ok ? null : "was " + actual;
        }
        return null;
    }

    private static int lengthOf(List<JsonNode> matches) {
        if (matches.size() == 1) {
            JsonNode only = matches.get(0);
            if (only.isArray() || only.isObject()) return only.size();
            if (only.isTextual()) return only.asText().length();
        }
        return matches.size();
    }

    private static String shown(JsonNode node) {
        String s = node.toString();
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }
}
