package io.driftwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces <code>${NAME}</code> and <code>${NAME:-default}</code> in one scalar value; <code>$${</code> stands
 * for a literal <code>${</code>. As in a POSIX shell and Docker Compose, <code>:-</code> also applies the default
 * when the variable is set but empty. Keys are never substituted, only values.
 */
final class EnvSubstitution {

    /** Variable names whose values are credentials: the redactor masks their values everywhere. */
    static final Pattern SECRET_NAME =
            Pattern.compile("(SECRET|TOKEN|PASSWORD|PASSWD|KEY|CREDENTIAL)", Pattern.CASE_INSENSITIVE);

    /** Values shorter than this are not masked: masking "a" or "on" everywhere would garble every log line. */
    static final int MIN_SECRET_LENGTH = 4;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String FORMS = "(expected ${NAME} or ${NAME:-default}; write $${ for a literal ${)";

    /**
     * @param value the text with references replaced (missing variables become empty)
     * @param errors one message per missing variable or malformed reference, without the path prefix
     * @param secretValues substituted values of secret-named variables, at least {@link #MIN_SECRET_LENGTH} long
     */
    record Result(String value, List<String> errors, List<String> secretValues) {
        boolean changed(String original) {
            return !value.equals(original);
        }
    }

    private EnvSubstitution() {}

    static Result substitute(String text, Map<String, String> env, String usedIn) {
        if (text.indexOf('$') < 0) return new Result(text, List.of(), List.of());
        StringBuilder out = new StringBuilder(text.length());
        List<String> errors = new ArrayList<>(0);
        List<String> secrets = new ArrayList<>(0);
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    errors.add("unterminated '${' in '" + text + "' " + FORMS);
                    break;
                }
                String expr = text.substring(i + 2, end);
                i = end + 1;
                int sep = expr.indexOf(":-");
                String name = sep < 0 ? expr : expr.substring(0, sep);
                if (!NAME.matcher(name).matches()) {
                    errors.add("invalid environment reference '${" + expr + "}' " + FORMS);
                    continue;
                }
                String value = env.get(name);
                if (sep >= 0 && (value == null || value.isEmpty())) value = expr.substring(sep + 2);
                if (value == null) {
                    errors.add("environment variable " + name + " is not set (used in " + usedIn + ")");
                    continue;
                }
                if (SECRET_NAME.matcher(name).find() && value.length() >= MIN_SECRET_LENGTH) secrets.add(value);
                out.append(value);
            } else {
                out.append(text.charAt(i++));
            }
        }
        return new Result(out.toString(), errors, secrets);
    }
}
