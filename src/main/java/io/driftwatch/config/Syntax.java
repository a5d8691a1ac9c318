package io.driftwatch.config;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.quartz.CronExpression;

/**
 * Checks the small languages embedded in probe files (JSONPath, regular expressions, Quartz cron, time
 * zones) with the same libraries that will run them, so an expression that loads also runs.
 */
final class Syntax {

    private Syntax() {}

    /** A JSONPath as Jayway compiles it, or null (reported at the node). */
    static String jsonPath(YamlNode node, Values values) {
        String text = values.string(node);
        if (text == null) return null;
        try {
            JsonPath.compile(text);
            return text;
        } catch (InvalidPathException | IllegalArgumentException e) {
            values.problems().at(node, "invalid JSONPath '" + text + "': " + reason(e));
            return null;
        }
    }

    static String regex(YamlNode node, Values values) {
        String text = values.string(node);
        if (text == null) return null;
        try {
            Pattern.compile(text);
            return text;
        } catch (PatternSyntaxException e) {
            values.problems()
                    .at(
                            node,
                            "invalid regular expression '" + text + "': " + e.getDescription() + " near index "
                                    + e.getIndex());
            return null;
        }
    }

    static String cron(YamlNode node, Values values) {
        String text = values.string(node);
        if (text == null) return null;
        try {
            new CronExpression(text);
            return text;
        } catch (ParseException e) {
            values.problems().at(node, "invalid Quartz cron expression '" + text + "': " + reason(e));
            return null;
        }
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
