package io.driftwatch.alert.config;

import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.channel.ChannelSpec;
import io.driftwatch.channel.ChannelType;
import io.driftwatch.config.Secret;
import io.driftwatch.config.SourceLocation;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * One {@code channels:} entry: {@code type} picks the {@link ChannelType}, whose key list decides
 * which other keys are allowed and how each is read. Secret keys must be written as {@code ${NAME}}.
 */
final class ChannelReader {
    private final ChannelRegistry registry;

    ChannelReader(ChannelRegistry registry) {
        this.registry = registry;
    }

    ChannelSpec read(YamlNodes y, String name, Node node) {
        String what = "channel '" + name + "'";
        Map<String, NodeTuple> raw = y.mapping(node, what, null);
        NodeTuple typeTuple = raw.get("type");
        if (typeTuple == null) {
            y.problem(node, "missing required key 'type' in " + what);
            return null;
        }
        String typeName = y.string(typeTuple.getValueNode(), "type");
        ChannelType type = typeName == null ? null : registry.type(typeName).orElse(null);
        if (type == null) {
            if (typeName != null) {
                y.problem(
                        typeTuple.getValueNode(),
                        "unknown channel type '" + typeName + "' (expected one of "
                                + String.join(", ", registry.typeNames()) + ")");
            }
            return null;
        }
        var allowed = new LinkedHashSet<String>();
        allowed.add("type");
        type.keys().forEach(k -> allowed.add(k.name()));
        Map<String, NodeTuple> entries = y.mapping(node, what, allowed);

        var strings = new HashMap<String, String>();
        var secrets = new HashMap<String, Secret>();
        var lists = new HashMap<String, List<String>>();
        var maps = new HashMap<String, Map<String, String>>();
        var locations = new HashMap<String, SourceLocation>();
        locations.put("", y.location(node));
        for (ChannelType.Key key : type.keys()) {
            NodeTuple tuple = entries.get(key.name());
            if (tuple == null) {
                if (key.required()) y.problem(node, "missing required key '" + key.name() + "' in " + what);
                continue;
            }
            Node value = tuple.getValueNode();
            locations.put(key.name(), y.location(value));
            switch (key.kind()) {
                case STRING -> put(y, strings, key, value, y.string(value, key.name()));
                case SECRET -> {
                    String rawText = YamlNodes.raw(value).orElse("");
                    if (!EnvSubstitution.references(rawText)) {
                        y.problem(
                                value,
                                "secret '" + key.name() + "' in " + what
                                        + " must come from an environment variable, e.g. ${"
                                        + name.toUpperCase(java.util.Locale.ROOT)
                                                .replace('-', '_') + "_"
                                        + key.name().toUpperCase(java.util.Locale.ROOT) + "}");
                    } else {
                        String text = y.string(value, key.name());
                        if (text != null) {
                            if (text.isEmpty() && key.required())
                                y.problem(value, "'" + key.name() + "' must not be empty");
                            else if (!text.isEmpty()) secrets.put(key.name(), Secret.of(text));
                        }
                    }
                }
                case LIST -> lists.put(key.name(), y.strings(value, key.name()));
                case MAP -> maps.put(key.name(), y.stringMap(value, key.name()));
            }
        }
        var spec = new ChannelSpec(name, type.type(), strings, secrets, lists, maps, locations);
        for (ChannelType.Problem p : type.validate().apply(spec)) {
            SourceLocation at = locations.getOrDefault(p.key(), locations.get(""));
            y.problemAt(at, p.message() + " in " + what);
        }
        return spec;
    }

    private static void put(YamlNodes y, Map<String, String> strings, ChannelType.Key key, Node node, String text) {
        if (text == null) return;
        if (text.isEmpty() && key.required()) {
            y.problem(node, "'" + key.name() + "' must not be empty");
            return;
        }
        if (!text.isEmpty()) strings.put(key.name(), text);
    }
}
