package io.driftwatch.alert.config;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} with environment values; a doubled dollar
 * sign before a brace stands for a literal dollar-brace. A missing variable without a default is
 * reported (by name, never by value) and replaced by an empty string so loading can go on and report
 * every problem.
 */
final class EnvSubstitution {
    private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private EnvSubstitution() {}

    static String apply(String text, Map<String, String> env, Consumer<String> missing) {
        if (text.indexOf('$') < 0) return text;
        Matcher m = REF.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$${")) {
                replacement = "${";
            } else {
                String value = env.get(m.group(1));
                if (value == null || (value.isEmpty() && m.group(2) != null)) value = m.group(2);
                if (value == null) {
                    missing.accept(m.group(1));
                    value = "";
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** True when the text contains at least one {@code ${NAME}} reference (how secrets must be written). */
    static boolean references(String text) {
        Matcher m = REF.matcher(text);
        while (m.find()) if (!m.group().equals("$${")) return true;
        return false;
    }

    static List<String> names(String text) {
        Matcher m = REF.matcher(text);
        var names = new java.util.ArrayList<String>();
        while (m.find()) if (m.group(1) != null) names.add(m.group(1));
        return names;
    }
}
