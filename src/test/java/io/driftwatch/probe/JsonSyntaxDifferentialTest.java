package io.driftwatch.probe;

import static io.driftwatch.probe.JsonSyntaxTest.jackson;
import static io.driftwatch.probe.JsonSyntaxTest.show;
import static io.driftwatch.probe.JsonSyntaxTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.driftwatch.reconcile.ExactJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fast path against the exact Jackson check on generated documents (fixed seed, so a failure
 * reproduces): random valid documents must pass both, and no mutation of them may pass the fast path
 * unless Jackson accepts it too.
 */
class JsonSyntaxDifferentialTest {
    private static final int DOCUMENTS = 4_000;
    private static final int MUTATIONS_PER_DOCUMENT = 8;

    private final Random random = new Random(20_240_611L);
    /** When set, one object in each generated document gets a repeated key. */
    private boolean injectDuplicate;

    private boolean duplicateInjected;

    @Test
    void validDocumentsPassTheFastPathAndMutationsNeverPassWhatJacksonRejects() throws IOException {
        List<String> wronglyValid = new ArrayList<>();
        List<String> needlesslyUnsure = new ArrayList<>();
        int mutantsRejectedByJackson = 0, mutantsFast = 0, mutantsUnsure = 0;
        for (int d = 0; d < DOCUMENTS; d++) {
            byte[] doc = utf8(document());
            assertThat(jackson(doc))
                    .as("generated document is valid: %s", show(doc))
                    .isTrue();
            assertThat(JsonSyntax.isCertainlyValid(doc))
                    .as("fast path accepts %s", show(doc))
                    .isTrue();
            for (int m = 0; m < MUTATIONS_PER_DOCUMENT; m++) {
                byte[] mutant = mutate(doc);
                boolean fast = JsonSyntax.isCertainlyValid(mutant);
                boolean exact = jackson(mutant);
                if (fast && !exact) wronglyValid.add(show(mutant));
                if (!exact) mutantsRejectedByJackson++;
                if (fast) mutantsFast++;
                if (!fast && exact) {
                    mutantsUnsure++;
                    if (!outsideTheFastPath(mutant)) needlesslyUnsure.add(show(mutant));
                }
            }
        }
        assertThat(wronglyValid).as("fast path accepted what Jackson rejects").isEmpty();
        assertThat(needlesslyUnsure)
                .as("valid, plain UTF-8 JSON left to Jackson")
                .isEmpty();
        int mutants = DOCUMENTS * MUTATIONS_PER_DOCUMENT;
        // The corpus must exercise both sides, or the checks above prove little.
        assertThat(mutantsRejectedByJackson).isGreaterThan(mutants / 2);
        assertThat(mutantsFast).isGreaterThan(mutants / 20);
        assertThat(mutantsUnsure).isGreaterThan(mutants / 100);
        System.out.printf(
                "%d mutants: %d rejected by Jackson, %d accepted by the fast path, %d valid but left to Jackson%n",
                mutants, mutantsRejectedByJackson, mutantsFast, mutantsUnsure);
    }

    /**
     * What the fast path is documented to leave to Jackson, in a document Jackson accepts: blank input, a
     * byte order mark, UTF-16 (NUL bytes), UTF-8 that is not strictly well-formed, escapes in a key.
     */
    private static boolean outsideTheFastPath(byte[] doc) throws IOException {
        if (new String(doc, StandardCharsets.ISO_8859_1).isBlank()) return true;
        if (doc.length >= 3 && (doc[0] & 0xFF) == 0xEF && (doc[1] & 0xFF) == 0xBB && (doc[2] & 0xFF) == 0xBF)
            return true;
        for (byte c : doc) if (c == 0) return true;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(doc));
        } catch (CharacterCodingException e) {
            return true;
        }
        try (JsonParser p = ExactJson.mapper().createParser(doc)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t != JsonToken.FIELD_NAME) continue;
                // The token starts at the key's opening quote; a backslash before the next quote is an escape.
                for (int i = (int) p.currentTokenLocation().getByteOffset() + 1; doc[i] != '"'; i++) {
                    if (doc[i] == '\\') return true;
                }
            }
        }
        return false;
    }

    @Test
    void documentsWithARepeatedKeyAreNeverFast() {
        injectDuplicate = true;
        int generated = 0;
        for (int d = 0; d < DOCUMENTS; d++) {
            duplicateInjected = false;
            byte[] doc = utf8(document());
            if (!duplicateInjected) continue;
            generated++;
            assertThat(jackson(doc)).as("Jackson rejects %s", show(doc)).isFalse();
            assertThat(JsonSyntax.isCertainlyValid(doc))
                    .as("fast path unsure of %s", show(doc))
                    .isFalse();
        }
        assertThat(generated).isGreaterThan(DOCUMENTS / 10);
    }

    // ---- generation

    private String document() {
        StringBuilder b = new StringBuilder();
        ws(b);
        value(b, 0);
        ws(b);
        return b.toString();
    }

    private void value(StringBuilder b, int depth) {
        int kind = random.nextInt(depth < 6 ? 10 : 6);
        switch (kind) {
            case 0, 1 -> string(b);
            case 2, 3 -> number(b);
            case 4 -> b.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
            case 5 -> b.append(random.nextBoolean() ? "{}" : "[]");
            case 6, 7 -> array(b, depth + 1);
            default -> object(b, depth + 1);
        }
    }

    private void array(StringBuilder b, int depth) {
        b.append('[');
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            if (i > 0) b.append(',');
            ws(b);
            value(b, depth);
            ws(b);
        }
        b.append(']');
    }

    private void object(StringBuilder b, int depth) {
        int size = switch (random.nextInt(20)) {
            case 0 -> 17 + random.nextInt(30); // past the linear scan
            case 1 -> depth == 1 ? 60 + random.nextInt(120) : 3;
            default -> random.nextInt(6);
        };
        Set<String> keys = new HashSet<>();
        List<String> order = new ArrayList<>();
        while (order.size() < size) {
            String k = key();
            if (keys.add(k)) order.add(k);
        }
        if (injectDuplicate && size > 0 && random.nextInt(3) == 0) {
            order.add(random.nextInt(order.size() + 1), order.get(random.nextInt(order.size())));
            duplicateInjected = true;
        }
        b.append('{');
        for (int i = 0; i < order.size(); i++) {
            if (i > 0) b.append(',');
            ws(b);
            b.append('"').append(order.get(i)).append('"');
            ws(b);
            b.append(':');
            ws(b);
            value(b, depth);
            ws(b);
        }
        b.append('}');
    }

    private static final String[] KEY_PARTS = {
        "Id", "id", "Line", "Amount", "é", "€", "😀", "Aa", "BB", "x", "_", " ", "1", "a/b", "$", "'"
    };

    /** Escape-free keys (the fast path leaves escaped keys to Jackson), often colliding in hash. */
    private String key() {
        StringBuilder k = new StringBuilder();
        int parts = random.nextInt(5);
        for (int i = 0; i < parts; i++) k.append(KEY_PARTS[random.nextInt(KEY_PARTS.length)]);
        return k.toString();
    }

    private static final String[] STRING_PARTS = {
        "abc",
        " ",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b",
        "\\f",
        "\\n",
        "\\r",
        "\\t",
        "\\u00e9",
        "\\uD83D\\uDE00",
        "\\u0000",
        "\\uFFFF",
        "é",
        "€",
        "😀",
        "\u007F",
        "\u0080",
        "\u07FF",
        "\u0800",
        "\uFFFD",
        "\uD800\uDC00",
        "\uDBFF\uDFFF",
        "'",
        "/",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "0",
        "INV-1001"
    };

    private void string(StringBuilder b) {
        b.append('"');
        int parts = random.nextInt(8);
        for (int i = 0; i < parts; i++) b.append(STRING_PARTS[random.nextInt(STRING_PARTS.length)]);
        b.append('"');
    }

    private void number(StringBuilder b) {
        if (random.nextInt(3) == 0) b.append('-');
        if (random.nextInt(4) == 0) b.append('0');
        else digits(b.append((char) ('1' + random.nextInt(9))), random.nextInt(random.nextInt(10) == 0 ? 40 : 5));
        if (random.nextInt(3) == 0) digits(b.append('.'), 1 + random.nextInt(12));
        if (random.nextInt(5) == 0) {
            b.append(random.nextBoolean() ? 'e' : 'E');
            int sign = random.nextInt(3);
            if (sign > 0) b.append(sign == 1 ? '+' : '-');
            digits(b, 1 + random.nextInt(4));
        }
    }

    private void digits(StringBuilder b, int count) {
        for (int i = 0; i < count; i++) b.append((char) ('0' + random.nextInt(10)));
    }

    private void ws(StringBuilder b) {
        if (random.nextInt(4) != 0) return;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) b.append(" \t\r\n".charAt(random.nextInt(4)));
    }

    // ---- mutation

    private static final String[] SNIPPETS = {
        ",",
        "]",
        "}",
        "[",
        "{",
        "\"",
        ":",
        "\\",
        "\\x",
        "\\u12",
        "\\uZZZZ",
        "01",
        "-",
        ".",
        "e",
        "+",
        "NaN",
        "Infinity",
        "//c\n",
        "/*c*/",
        "#",
        "'x'",
        "null",
        "true",
        "1",
        " ",
        "\t",
        "\n",
        "\u0000",
        "\u0001",
        "\u000B",
        "\f",
        "\u00A0",
        "\"a\":1,",
        "\"Id\":",
        ",\"Id\":0",
        "{}",
        "[]",
        "\"\""
    };
    private static final int[][] RAW_BYTES = {
        {0x80},
        {0xBF},
        {0xC0, 0x80},
        {0xC1, 0xBF},
        {0xC3},
        {0xE2, 0x82},
        {0xE0, 0x80, 0x80},
        {0xED, 0xA0, 0x80},
        {0xF0, 0x80, 0x80, 0x80},
        {0xF4, 0x90, 0x80, 0x80},
        {0xF5, 0x80, 0x80, 0x80},
        {0xF8},
        {0xFE},
        {0xFF},
        {0xEF, 0xBB, 0xBF},
        {0xFE, 0xFF},
        {0xFF, 0xFE},
        {0x00},
        {0xC3, 0xA9},
        {0xE2, 0x82, 0xAC}
    };

    private byte[] mutate(byte[] doc) {
        byte[] out = doc;
        int edits = 1 + random.nextInt(random.nextInt(5) == 0 ? 3 : 1);
        for (int e = 0; e < edits; e++) out = mutateOnce(out);
        return out;
    }

    private byte[] mutateOnce(byte[] doc) {
        int at = random.nextInt(doc.length + 1);
        return switch (random.nextInt(12)) {
            case 0 -> replace(doc, at, new byte[] {(byte) random.nextInt(256)}, 1);
            case 1 -> replace(doc, at, snippet(), 1);
            case 2 -> replace(doc, at, snippet(), 0);
            case 3 -> replace(doc, at, raw(), 0);
            case 4 -> replace(doc, at, raw(), 1);
            case 5 -> replace(doc, at, new byte[0], 1 + random.nextInt(3)); // delete
            case 6 -> java.util.Arrays.copyOf(doc, Math.max(0, at - 1)); // truncate
            case 7 -> replace(doc, doc.length, random.nextBoolean() ? snippet() : raw(), 0); // trailing garbage
            case 8 -> replace(doc, 0, random.nextBoolean() ? snippet() : raw(), 0); // leading garbage or BOM
            case 9 ->
                new String(doc, StandardCharsets.UTF_8)
                        .getBytes(random.nextBoolean() ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            case 10 -> replaceInside(doc, (byte) '"', snippet()); // next to a quote: inside or beside a string
            default -> replaceInside(doc, (byte) '{', utf8("\"Id\":1,")); // often a second "Id"
        };
    }

    private byte[] snippet() {
        return utf8(SNIPPETS[random.nextInt(SNIPPETS.length)]);
    }

    private byte[] raw() {
        int[] bytes = RAW_BYTES[random.nextInt(RAW_BYTES.length)];
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = (byte) bytes[i];
        return out;
    }

    /** Puts {@code insert} just after a random occurrence of {@code near}. */
    private byte[] replaceInside(byte[] doc, byte near, byte[] insert) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < doc.length; i++) if (doc[i] == near) places.add(i + 1);
        if (places.isEmpty()) return replace(doc, random.nextInt(doc.length + 1), insert, 0);
        return replace(doc, places.get(random.nextInt(places.size())), insert, 0);
    }

    private static byte[] replace(byte[] doc, int at, byte[] insert, int remove) {
        int end = Math.min(doc.length, at + remove);
        ByteArrayOutputStream out = new ByteArrayOutputStream(doc.length + insert.length);
        out.write(doc, 0, at);
        out.write(insert, 0, insert.length);
        out.write(doc, end, doc.length - end);
        return out.toByteArray();
    }
}
