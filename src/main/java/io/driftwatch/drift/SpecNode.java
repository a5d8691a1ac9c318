package io.driftwatch.drift;

import io.driftwatch.baseline.JsonType;
import io.driftwatch.baseline.StringFormat;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the shape diff needs to know of one schema node, parsed once per baseline. A node that allows
 * anything (no {@code type}, or a composition the diff does not interpret) has no types and is only
 * descended into through {@code properties} / {@code items} when it declares them.
 *
 * <p>Mutable only while {@link SpecParser} builds it ({@code $ref} cycles need the node before its
 * children); read-only afterwards and safe to share between threads.
 */
final class SpecNode {
    static final SpecNode ANY = new SpecNode();

    /** Allowed non-null types; empty means any. */
    final EnumSet<JsonType> types = EnumSet.noneOf(JsonType.class);

    boolean nullAllowed;
    /** A format the diff checks, or null (unknown formats are left to the validator). */
    StringFormat format;
    /** Allowed strings, or null when the node has no string enum. */
    Set<String> enumValues;
    /** Declared properties by name, or null when the node declares none. */
    Map<String, SpecNode> properties;

    /**
     * True when {@link #properties} lists every field the response had: so in a recorded baseline, where
     * a field not listed is {@code field-added}. Hand-written schemas usually list only what the team
     * relies on, so there undeclared fields are not drift (the validator enforces
     * {@code additionalProperties: false} where an author asks for it).
     */
    boolean complete;

    Set<String> required = Set.of();
    /** The element schema, or null when elements are unconstrained. */
    SpecNode items;

    boolean allowsAnyType() {
        return types.isEmpty();
    }

    boolean allows(JsonType type) {
        return types.isEmpty() || types.contains(type) || (type == JsonType.NULL && nullAllowed);
    }

    /** "string", "string or null", "number or string", or "any". */
    String describe() {
        if (types.isEmpty()) return "any";
        StringBuilder sb = new StringBuilder();
        for (JsonType t : types) {
            if (!sb.isEmpty()) sb.append(" or ");
            sb.append(t.schemaName());
        }
        if (nullAllowed) sb.append(" or null");
        return sb.toString();
    }

    String describeEnum() {
        return enumValues == null ? "" : "[" + String.join(", ", new TreeSet<>(enumValues)) + "]";
    }

    void property(String name, SpecNode node) {
        if (properties == null) properties = new TreeMap<>();
        properties.put(name, node);
    }
}
