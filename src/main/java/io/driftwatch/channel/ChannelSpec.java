package io.driftwatch.channel;

import io.driftwatch.config.Secret;
import io.driftwatch.config.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * One channel as configured in {@code alerting/}, after environment substitution. Which keys are
 * strings, secrets, lists or maps is declared by the channel's {@link ChannelType}.
 *
 * @param strings plain settings (host, port, url...)
 * @param secrets credentials; shown as {@code ****} if ever printed
 * @param lists list settings (email {@code to})
 * @param maps map settings (webhook {@code headers}); values are never logged
 * @param locations where each key was written, for problems; the channel itself under {@code ""}
 */
public record ChannelSpec(
        String name,
        String type,
        Map<String, String> strings,
        Map<String, Secret> secrets,
        Map<String, List<String>> lists,
        Map<String, Map<String, String>> maps,
        Map<String, SourceLocation> locations) {

    public ChannelSpec {
        strings = Map.copyOf(strings == null ? Map.of() : strings);
        secrets = Map.copyOf(secrets == null ? Map.of() : secrets);
        lists = Map.copyOf(lists == null ? Map.of() : lists);
        maps = Map.copyOf(maps == null ? Map.of() : maps);
        locations = Map.copyOf(locations == null ? Map.of() : locations);
    }

    public String string(String key, String fallback) {
        return strings.getOrDefault(key, fallback);
    }

    public Secret secret(String key) {
        return secrets.get(key);
    }

    public List<String> list(String key) {
        return lists.getOrDefault(key, List.of());
    }

    public Map<String, String> map(String key) {
        return maps.getOrDefault(key, Map.of());
    }
}
