package io.driftwatch.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every key and value of a YAML or JSON document, by JSON Pointer
 * ({@code /source/key}), so problems found on the tree can name their place as {@code file:line:col}.
 */
final class NodeLocations {

    private final Map<String, int[]> byPointer;

    private NodeLocations(Map<String, int[]> byPointer) {
        this.byPointer = byPointer;
    }

    static NodeLocations scan(JsonFactory factory, String text) throws IOException {
        Map<String, int[]> locations = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            while (parser.nextToken() != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                JsonLocation at = parser.currentTokenLocation();
                locations.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
            }
        }
        return new NodeLocations(locations);
    }

    /** {line, column} of the pointer, else of its nearest ancestor, else {1, 1}. */
    int[] at(String pointer) {
        String p = pointer;
        while (true) {
            int[] found = byPointer.get(p);
            if (found != null) return found;
            if (p.isEmpty()) return new int[] {1, 1};
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
