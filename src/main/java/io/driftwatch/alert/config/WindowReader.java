package io.driftwatch.alert.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads {@code maintenance:} and {@code silences:} entries. */
final class WindowReader {
    private static final List<String> WINDOW_KEYS =
            List.of("name", "match", "timezone", "start", "end", "days", "from", "to");
    private static final List<String> SILENCE_KEYS = List.of("match", "start", "end", "comment", "createdBy");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private WindowReader() {}

    static MaintenanceWindow maintenance(YamlNodes y, Node node, int index) {
        String what = "maintenance window #" + (index + 1);
        Map<String, NodeTuple> e = y.mapping(node, what, WINDOW_KEYS);
        y.require(e, node, what, "name");
        String name = e.containsKey("name") ? y.string(e.get("name").getValueNode(), "name") : "#" + (index + 1);
        Matcher match =
                e.containsKey("match") ? RuleReader.matcher(y, e.get("match").getValueNode()) : Matcher.ANY;
        ZoneId zone = ZoneOffset.UTC;
        if (e.containsKey("timezone")) {
            Node zoneNode = e.get("timezone").getValueNode();
            String text = y.string(zoneNode, "timezone");
            try {
                if (text != null) zone = ZoneId.of(text);
            } catch (DateTimeException ex) {
                y.problem(zoneNode, "'timezone' is not a known time zone: " + text);
            }
        }
        boolean oneOff = e.containsKey("start") || e.containsKey("end");
        boolean recurring = e.containsKey("from") || e.containsKey("to") || e.containsKey("days");
        if (oneOff == recurring) {
            y.problem(node, what + " needs either start and end, or from and to (with optional days)");
            return null;
        }
        if (oneOff) {
            y.require(e, node, what, "start", "end");
            Instant start = e.containsKey("start") ? instant(y, e.get("start").getValueNode(), "start", zone) : null;
            Instant end = e.containsKey("end") ? instant(y, e.get("end").getValueNode(), "end", zone) : null;
            if (start != null && end != null && !end.isAfter(start))
                y.problem(e.get("end").getValueNode(), "'end' must be after 'start'");
            return new MaintenanceWindow(name, match, zone, start, end, Set.of(), null, null);
        }
        y.require(e, node, what, "from", "to");
        LocalTime from = e.containsKey("from") ? time(y, e.get("from").getValueNode(), "from") : null;
        LocalTime to = e.containsKey("to") ? time(y, e.get("to").getValueNode(), "to") : null;
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (e.containsKey("days")) {
            days = EnumSet.noneOf(DayOfWeek.class);
            Node daysNode = e.get("days").getValueNode();
            for (String day : y.strings(daysNode, "days")) {
                int i = DAYS.indexOf(day.toLowerCase(java.util.Locale.ROOT));
                if (i < 0)
                    y.problem(daysNode, "unknown day '" + day + "' (expected mon, tue, wed, thu, fri, sat, sun)");
                else days.add(DayOfWeek.of(i + 1));
            }
        }
        return new MaintenanceWindow(name, match, zone, null, null, days, from, to);
    }

    static Silence silence(YamlNodes y, Node node, int index) {
        String what = "silence #" + (index + 1);
        Map<String, NodeTuple> e = y.mapping(node, what, SILENCE_KEYS);
        y.require(e, node, what, "match", "end", "comment");
        Matcher match =
                e.containsKey("match") ? RuleReader.matcher(y, e.get("match").getValueNode()) : Matcher.ANY;
        Instant start =
                e.containsKey("start") ? instant(y, e.get("start").getValueNode(), "start", ZoneOffset.UTC) : null;
        Instant end = e.containsKey("end") ? instant(y, e.get("end").getValueNode(), "end", ZoneOffset.UTC) : null;
        String comment = e.containsKey("comment") ? y.string(e.get("comment").getValueNode(), "comment") : null;
        String by = e.containsKey("createdBy") ? y.string(e.get("createdBy").getValueNode(), "createdBy") : null;
        if (start != null && end != null && !end.isAfter(start))
            y.problem(e.get("end").getValueNode(), "'end' must be after 'start'");
        return end == null ? null : new Silence(match, start, end, comment, by);
    }

    /** ISO-8601 with an offset ({@code 2026-12-01T22:00:00-05:00}), or local time in {@code zone}. */
    private static Instant instant(YamlNodes y, Node node, String key, ZoneId zone) {
        String text = y.string(node, key);
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException ignored) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                y.problem(node, "'" + key + "' must be a date-time like 2026-12-01T22:00:00-05:00");
                return null;
            }
        }
    }

    private static LocalTime time(YamlNodes y, Node node, String key) {
        String text = y.string(node, key);
        if (text == null) return null;
        try {
            if (text.matches("\\d{2}:\\d{2}")) return LocalTime.parse(text);
        } catch (DateTimeException e) {
            // reported below
        }
        y.problem(node, "'" + key + "' must be a time like 22:00");
        return null;
    }
}
