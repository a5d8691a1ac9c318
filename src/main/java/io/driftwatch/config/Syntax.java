package io.driftwatch.config;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.quartz.CronExpression;

/**
 * Checks the small languages embedded in probe files (JSONPath, regular expressions, Quartz cron, time
 * zones) with the same libraries that will run them, so an expression that loads also runs.
 *
 * <p>Verdicts are memoised per expression: thousands of probes repeat the same paths ({@code
 * $.Invoice.TotalAmt}) and schedules, and compiling each again is a large share of a load. The memo is
 * bounded; it is simply cleared when full.
 */
final class Syntax {

    private static final int MEMO_LIMIT = 20_000;

    /** Expression to error text; {@link #VALID} when it compiles. */
    private static final Map<String, String> JSON_PATHS = new ConcurrentHashMap<>();

    private static final Map<String, String> REGEXES = new ConcurrentHashMap<>();
    private static final Map<String, String> CRONS = new ConcurrentHashMap<>();
    private static final String VALID = "";

    private Syntax() {}

    /** A JSONPath as Jayway compiles it, or null (reported at the node). */
    static String jsonPath(YamlNode node, Values values) {
        return check(node, values, JSON_PATHS, text -> {
            try {
                JsonPath.compile(text);
                return VALID;
            } catch (InvalidPathException | IllegalArgumentException e) {
                return "invalid JSONPath '" + text + "': " + reason(e);
            }
        });
    }

    static String regex(YamlNode node, Values values) {
        return check(node, values, REGEXES, text -> {
            try {
                Pattern.compile(text);
                return VALID;
            } catch (PatternSyntaxException e) {
                return "invalid regular expression '" + text + "': " + e.getDescription() + " near index "
                        + e.getIndex();
            }
        });
    }

    static String cron(YamlNode node, Values values) {
        return check(node, values, CRONS, text -> {
            try {
                new CronExpression(text);
                return VALID;
            } catch (ParseException e) {
                return "invalid Quartz cron expression '" + text + "': " + reason(e);
            }
        });
    }

    private static String check(
            YamlNode node, Values values, Map<String, String> memo, Function<String, String> compile) {
        String text = values.string(node);
        if (text == null) return null;
        String error = memo.get(text);
        if (error == null) {
            error = compile.apply(text);
            if (memo.size() >= MEMO_LIMIT) memo.clear();
            memo.put(text, error);
        }
        if (error.isEmpty()) return text;
        values.problems().at(node, error);
        return null;
    }

    static ZoneId zone(YamlNode node, Values values) {
        String text = values.string(node);
        if (text == null) return null;
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            values.expected(node, "a time zone like Europe/Paris or UTC");
            return null;
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
