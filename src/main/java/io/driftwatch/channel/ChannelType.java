package io.driftwatch.channel;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of channel: its {@code type:} name, the keys it accepts, extra validation and how to build it.
 *
 * @param keys every accepted key besides {@code type}; the loader rejects others
 * @param validate extra checks on a spec whose keys already have the right kinds (URL scheme, enum
 *     values); returns problems keyed by setting name ({@code ""} for the channel as a whole)
 */
public record ChannelType(
        String type,
        List<Key> keys,
        Function<ChannelSpec, List<Problem>> validate,
        BiFunction<ChannelSpec, ChannelDependencies, Channel> factory) {

    public ChannelType {
        keys = List.copyOf(keys);
    }

    /** How a key's value is read from YAML. SECRET values come from {@code ${ENV}} and are masked. */
    public enum KeyKind {
        STRING,
        SECRET,
        LIST,
        MAP
    }

    public record Key(String name, KeyKind kind, boolean required) {
        public static Key required(String name, KeyKind kind) {
            return new Key(name, kind, true);
        }

        public static Key optional(String name, KeyKind kind) {
            return new Key(name, kind, false);
        }
    }

    /** A validation problem on one setting ({@code key}) or on the whole channel ({@code ""}). */
    public record Problem(String key, String message) {}

    public Map<String, Key> keysByName() {
        var byName = new java.util.LinkedHashMap<String, Key>();
        keys.forEach(k -> byName.put(k.name(), k));
        return byName;
    }

    public Channel create(ChannelSpec spec, ChannelDependencies dependencies) {
        return factory.apply(spec, dependencies);
    }
}
