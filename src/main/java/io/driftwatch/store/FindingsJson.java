package io.driftwatch.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as the JSON text kept in {@code findings_json}:
 * {@code [{"check":..,"kind":..,"level":"FAIL","message":..,"evidence":{..}}]}, evidence in its
 * original order. Control characters (NUL included, which PostgreSQL text rejects) are escaped.
 *
 * <p>The column holds {@value #MAX_CHARS} characters. Longer findings are shortened rather than
 * failing the write: first every message and evidence value is cut to {@value #MAX_VALUE_CHARS}
 * characters, then trailing findings are replaced by one INFO finding saying how many were dropped.
 */
final class FindingsJson {
    static final int MAX_CHARS = 1_000_000;
    static final int MAX_VALUE_CHARS = 2_000;
    static final String CUT_MARK = "… (cut by store)";

    private static final JsonFactory JSON = new JsonFactory();

    private FindingsJson() {}

    static String encode(List<Finding> findings) {
        if (findings.isEmpty()) return "[]"; // most runs: no generator, no buffers
        String full = write(findings, Integer.MAX_VALUE);
        if (full.length() <= MAX_CHARS) return full;
        List<String> parts = new ArrayList<>(findings.size());
        for (Finding f : findings) parts.add(write(List.of(f), MAX_VALUE_CHARS));
        StringBuilder out = new StringBuilder("[");
        int kept = 0;
        for (String part : parts) {
            // Each part is "[{...}]"; leave room for the note about dropped findings.
            String object = part.substring(1, part.length() - 1);
            if (out.length() + object.length() + 1_000 > MAX_CHARS) break;
            if (kept > 0) out.append(',');
            out.append(object);
            kept++;
        }
        if (kept < findings.size()) {
            Finding note = new Finding(
                    "store",
                    FindingKind.INTERNAL,
                    Level.INFO,
                    (findings.size() - kept) + " more findings not stored: findings over " + MAX_CHARS
                            + " characters of JSON",
                    Map.of());
            String object = write(List.of(note), MAX_VALUE_CHARS);
            if (kept > 0) out.append(',');
            out.append(object, 1, object.length() - 1);
        }
        return out.append(']').toString();
    }

    static List<Finding> decode(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            List<Finding> findings = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) findings.add(readFinding(p));
            return findings;
        } catch (IOException e) {
            throw new UncheckedIOException("stored findings are not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Finding readFinding(JsonParser p) throws IOException {
        String check = null, kind = null, level = null, message = null;
        Map<String, String> evidence = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "check" -> check = p.getValueAsString();
                case "kind" -> kind = p.getValueAsString();
                case "level" -> level = p.getValueAsString();
                case "message" -> message = p.getValueAsString();
                case "evidence" -> {
                    expect(p, value, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        evidence.put(key, p.getValueAsString());
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Finding(check, kind, level == null ? Level.INFO : Level.valueOf(level), message, evidence);
    }

    private static String write(List<Finding> findings, int maxValueChars) {
        StringWriter out = new StringWriter(128 * Math.max(1, findings.size()));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("check", f.check());
                g.writeStringField("kind", f.kind());
                g.writeStringField("level", f.level() == null ? null : f.level().name());
                g.writeStringField("message", cut(f.message(), maxValueChars));
                g.writeObjectFieldStart("evidence");
                for (Map.Entry<String, String> e : f.evidence().entrySet()) {
                    g.writeStringField(cut(e.getKey(), maxValueChars), cut(e.getValue(), maxValueChars));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cut(String value, int max) {
        if (value == null || value.length() <= max) return value;
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) end--; // never split a surrogate pair
        return value.substring(0, end) + CUT_MARK;
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "expected " + expected + " but found " + actual);
        }
    }
}
