package io.driftwatch.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable map copies that keep the order a file wrote them in (Map.copyOf does not). */
final class OrderedMaps {
    private OrderedMaps() {}

    static <V> Map<String, V> copy(Map<String, V> map) {
        if (map == null || map.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
