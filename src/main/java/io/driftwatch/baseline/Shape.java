package io.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merged shape of every value seen at one path: how often each type occurred, the merged shapes of
 * object properties and of array elements, the string formats all strings shared, and (when asked) the
 * distinct string values. All elements of an array merge into one {@link #items()} shape, so a page of
 * 1,000 invoices costs one pass and yields one shape per path ({@code [*]}), never one per index.
 *
 * <p>Mutable and not thread-safe: build it on one thread, then only read it.
 */
public final class Shape {
    /** Distinct string values kept per path before the set is marked overflowed. */
    public static final int MAX_VALUES = 64;

    private final int[] counts = new int[JsonType.values().length];
    private final JsonNode[] examples = new JsonNode[JsonType.values().length];
    private Map<String, Shape> properties;
    private Shape items;
    private int formatMask = StringFormat.ALL;
    /** Strings that matched each format (allocated on the first match). */
    private int[] formatMatches;
    /** The first string that did not match each format. */
    private String[] formatCounterExamples;
    /** Formats still without a counter-example: once 0, strings cost one format scan and one increment. */
    private int counterExamplesNeeded = StringFormat.ALL;

    private Set<String> values;
    private boolean valuesOverflow;
    private boolean valuesUnstable;

    /** Observes one value (and everything below it). {@code collectValues} keeps distinct strings. */
    public void observe(JsonNode node, boolean collectValues) {
        JsonType type = JsonType.of(node);
        counts[type.ordinal()]++;
        switch (type) {
            case OBJECT -> {
                if (properties == null) properties = new HashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    Shape child = properties.get(e.getKey());
                    if (child == null) {
                        child = new Shape();
                        properties.put(e.getKey(), child);
                    }
                    child.observe(e.getValue(), collectValues);
                }
            }
            case ARRAY -> {
                for (JsonNode element : node) {
                    if (items == null) items = new Shape();
                    items.observe(element, collectValues);
                }
            }
            case STRING -> observeString(node, collectValues);
            default -> {
                if (examples[type.ordinal()] == null) examples[type.ordinal()] = node;
            }
        }
    }

    private void observeString(JsonNode node, boolean collectValues) {
        String s = node.asText();
        if (examples[JsonType.STRING.ordinal()] == null) examples[JsonType.STRING.ordinal()] = node;
        int mask = StringFormat.maskOf(s);
        formatMask &= mask;
        if (mask != 0) {
            if (formatMatches == null) formatMatches = new int[StringFormat.values().length];
            formatMatches[Integer.numberOfTrailingZeros(mask)]++;
        }
        int needed = counterExamplesNeeded & ~mask;
        if (needed != 0) recordCounterExample(needed, s);
        if (collectValues && !valuesOverflow) {
            if (values == null) values = new TreeSet<>();
            if (values.size() < MAX_VALUES || values.contains(s)) {
                values.add(s);
            } else {
                valuesOverflow = true;
            }
        }
    }

    private void recordCounterExample(int formats, String value) {
        if (formatCounterExamples == null) formatCounterExamples = new String[StringFormat.values().length];
        for (StringFormat f : StringFormat.values()) {
            if ((formats & f.bit()) != 0 && formatCounterExamples[f.ordinal()] == null) {
                formatCounterExamples[f.ordinal()] = value;
            }
        }
        counterExamplesNeeded &= ~formats;
    }

    /**
     * Merges the shape of another sample into this one. Counts add up; a string value set that differs
     * between samples is marked unstable (the inferrer then writes no {@code enum}).
     */
    public void mergeSample(Shape other) {
        boolean hadStrings = count(JsonType.STRING) > 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
            if (examples[i] == null) examples[i] = other.examples[i];
        }
        if (other.properties != null) {
            if (properties == null) properties = new HashMap<>();
            other.properties.forEach((name, shape) -> {
                Shape mine = properties.get(name);
                if (mine == null) properties.put(name, shape);
                else mine.mergeSample(shape);
            });
        }
        if (other.items != null) {
            if (items == null) items = other.items;
            else items.mergeSample(other.items);
        }
        mergeStrings(other, hadStrings);
    }

    private void mergeStrings(Shape other, boolean hadStrings) {
        if (other.count(JsonType.STRING) == 0) return;
        formatMask &= other.formatMask;
        if (other.formatMatches != null) {
            if (formatMatches == null) formatMatches = new int[StringFormat.values().length];
            for (int i = 0; i < formatMatches.length; i++) formatMatches[i] += other.formatMatches[i];
        }
        if (other.formatCounterExamples != null) {
            for (StringFormat f : StringFormat.values()) {
                String example = other.formatCounterExamples[f.ordinal()];
                if (example != null) recordCounterExample(f.bit(), example);
            }
        }
        if (hadStrings && values != null && other.values != null && !values.equals(other.values)) {
            valuesUnstable = true;
        }
        valuesUnstable |= other.valuesUnstable;
        valuesOverflow |= other.valuesOverflow;
        if (other.values != null) {
            if (values == null) values = new TreeSet<>();
            values.addAll(other.values);
        }
        if (values != null && values.size() > MAX_VALUES) valuesOverflow = true;
    }

    public int count(JsonType type) {
        return counts[type.ordinal()];
    }

    /** How many values were observed here, of any type (for a property: how many objects had it). */
    public int total() {
        int sum = 0;
        for (int c : counts) sum += c;
        return sum;
    }

    /** The types seen, excluding null. */
    public EnumSet<JsonType> nonNullTypes() {
        EnumSet<JsonType> types = EnumSet.noneOf(JsonType.class);
        for (JsonType t : JsonType.values()) {
            if (t != JsonType.NULL && counts[t.ordinal()] > 0) types.add(t);
        }
        return types;
    }

    /** The first scalar value of this type seen here, or null (objects and arrays keep none). */
    public JsonNode example(JsonType type) {
        return examples[type.ordinal()];
    }

    /** Property shapes by name (unordered), empty when no object was seen. */
    public Map<String, Shape> properties() {
        return properties == null ? Map.of() : properties;
    }

    /** The merged shape of all array elements seen here, or null when every array was empty. */
    public Shape items() {
        return items;
    }

    /** Formats every string seen here matched (0 or one bit); meaningful only when strings were seen. */
    public int formatMask() {
        return formatMask;
    }

    /** How many strings here did not match {@code format}. */
    public int formatMisses(StringFormat format) {
        return count(JsonType.STRING) - (formatMatches == null ? 0 : formatMatches[format.ordinal()]);
    }

    /** The first string here that did not match {@code format}, or null. */
    public String formatCounterExample(StringFormat format) {
        return formatCounterExamples == null ? null : formatCounterExamples[format.ordinal()];
    }

    /** Distinct strings seen (sorted), or null when values were not collected. */
    public Set<String> values() {
        return values;
    }

    /** True when more than {@link #MAX_VALUES} distinct strings were seen (the set is incomplete). */
    public boolean valuesOverflow() {
        return valuesOverflow;
    }

    /** True when two samples showed different sets of strings here. */
    public boolean valuesUnstable() {
        return valuesUnstable;
    }
}
