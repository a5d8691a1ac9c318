package io.driftwatch.alert.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads {@code match:} blocks, {@code routes:} entries, {@code defaults:} and {@code settings:}. */
final class RuleReader {
    static final List<String> SEVERITIES = List.of("info", "warning", "critical");
    private static final List<String> MATCH_KEYS = List.of("probe", "vendor", "severity", "kind", "labels");
    private static final List<String> ROUTE_KEYS = List.of(
            "name", "match", "channels", "continue", "failureThreshold", "successThreshold", "repeat", "sendResolved");
    private static final List<String> DEFAULT_KEYS =
            List.of("failureThreshold", "successThreshold", "repeat", "sendResolved", "flapping", "channels");
    private static final List<String> FLAP_KEYS = List.of("window", "maxTransitions");
    private static final List<String> SETTINGS_KEYS = List.of("publicUrl", "grafanaUrl", "delivery");
    private static final List<String> DELIVERY_KEYS = List.of("deadLetterAfter", "initialBackoff", "maxBackoff");

    private RuleReader() {}

    static Matcher matcher(YamlNodes y, Node node) {
        Map<String, NodeTuple> e = y.mapping(node, "'match'", MATCH_KEYS);
        List<String> severities = list(y, e, "severity");
        for (String s : severities) {
            if (!SEVERITIES.contains(s))
                y.problem(
                        e.get("severity").getValueNode(),
                        "unknown severity '" + s + "' (expected info, warning, critical)");
        }
        Map<String, String> labels =
                e.containsKey("labels") ? y.stringMap(e.get("labels").getValueNode(), "labels") : Map.of();
        return new Matcher(list(y, e, "probe"), list(y, e, "vendor"), severities, list(y, e, "kind"), labels);
    }

    private static List<String> list(YamlNodes y, Map<String, NodeTuple> e, String key) {
        return e.containsKey(key) ? y.strings(e.get(key).getValueNode(), key) : List.of();
    }

    static Route route(YamlNodes y, Node node, int index) {
        Map<String, NodeTuple> e = y.mapping(node, "route #" + (index + 1), ROUTE_KEYS);
        y.require(e, node, "route #" + (index + 1), "name", "channels");
        String name = e.containsKey("name") ? y.string(e.get("name").getValueNode(), "name") : null;
        Matcher match = e.containsKey("match") ? matcher(y, e.get("match").getValueNode()) : Matcher.ANY;
        List<String> channels = list(y, e, "channels");
        Boolean cont = e.containsKey("continue") ? y.bool(e.get("continue").getValueNode(), "continue") : null;
        return new Route(
                name == null ? "#" + (index + 1) : name,
                match,
                channels,
                Boolean.TRUE.equals(cont),
                e.containsKey("failureThreshold")
                        ? y.integer(e.get("failureThreshold").getValueNode(), "failureThreshold", 1)
                        : null,
                e.containsKey("successThreshold")
                        ? y.integer(e.get("successThreshold").getValueNode(), "successThreshold", 1)
                        : null,
                e.containsKey("repeat") ? y.duration(e.get("repeat").getValueNode(), "repeat") : null,
                e.containsKey("sendResolved") ? y.bool(e.get("sendResolved").getValueNode(), "sendResolved") : null,
                y.location(node));
    }

    /** {@code defaults:}; returns the thresholds and fills {@code channels}. */
    static Thresholds defaults(YamlNodes y, Node node, List<String> channels) {
        Map<String, NodeTuple> e = y.mapping(node, "'defaults'", DEFAULT_KEYS);
        Thresholds d = Thresholds.DEFAULT;
        Integer failure = e.containsKey("failureThreshold")
                ? y.integer(e.get("failureThreshold").getValueNode(), "failureThreshold", 1)
                : null;
        Integer success = e.containsKey("successThreshold")
                ? y.integer(e.get("successThreshold").getValueNode(), "successThreshold", 1)
                : null;
        Duration repeat = e.containsKey("repeat") ? y.duration(e.get("repeat").getValueNode(), "repeat") : null;
        Boolean resolved =
                e.containsKey("sendResolved") ? y.bool(e.get("sendResolved").getValueNode(), "sendResolved") : null;
        Duration window = null;
        Integer limit = null;
        if (e.containsKey("flapping")) {
            Map<String, NodeTuple> f = y.mapping(e.get("flapping").getValueNode(), "'flapping'", FLAP_KEYS);
            if (f.containsKey("window")) window = y.duration(f.get("window").getValueNode(), "window");
            if (f.containsKey("maxTransitions"))
                limit = y.integer(f.get("maxTransitions").getValueNode(), "maxTransitions", 1);
        }
        channels.addAll(list(y, e, "channels"));
        return new Thresholds(
                failure == null ? d.failureThreshold() : failure,
                success == null ? d.successThreshold() : success,
                repeat == null ? d.repeat() : repeat,
                resolved == null ? d.sendResolved() : resolved,
                window == null ? d.flapWindow() : window,
                limit == null ? d.flapLimit() : limit);
    }

    /** {@code settings:}; returns {publicUrl, grafanaUrl} and the delivery settings through the holder. */
    static Settings settings(YamlNodes y, Node node) {
        Map<String, NodeTuple> e = y.mapping(node, "'settings'", SETTINGS_KEYS);
        String publicUrl =
                e.containsKey("publicUrl") ? url(y, e.get("publicUrl").getValueNode(), "publicUrl") : null;
        String grafanaUrl =
                e.containsKey("grafanaUrl") ? url(y, e.get("grafanaUrl").getValueNode(), "grafanaUrl") : null;
        DeliverySettings delivery = DeliverySettings.DEFAULT;
        if (e.containsKey("delivery")) {
            Map<String, NodeTuple> d = y.mapping(e.get("delivery").getValueNode(), "'delivery'", DELIVERY_KEYS);
            Duration dead = d.containsKey("deadLetterAfter")
                    ? y.duration(d.get("deadLetterAfter").getValueNode(), "deadLetterAfter")
                    : null;
            Duration initial = d.containsKey("initialBackoff")
                    ? y.duration(d.get("initialBackoff").getValueNode(), "initialBackoff")
                    : null;
            Duration max =
                    d.containsKey("maxBackoff") ? y.duration(d.get("maxBackoff").getValueNode(), "maxBackoff") : null;
            delivery = new DeliverySettings(
                    dead == null ? delivery.deadLetterAfter() : dead,
                    initial == null ? delivery.initialBackoff() : initial,
                    max == null ? delivery.maxBackoff() : max);
        }
        return new Settings(
                publicUrl == null ? AlertingConfig.DEFAULT_PUBLIC_URL : stripSlash(publicUrl), grafanaUrl, delivery);
    }

    record Settings(String publicUrl, String grafanaUrl, DeliverySettings delivery) {}

    private static String url(YamlNodes y, Node node, String key) {
        String text = y.string(node, key);
        if (text == null || text.isEmpty()) return null;
        String problem = io.driftwatch.channel.JsonPoster.checkUrl(text.replace("{probe}", "probe"));
        if (problem != null) y.problem(node, "'" + key + "' " + problem);
        return text;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
