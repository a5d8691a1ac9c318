package io.driftwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * One case per rule of the fast path: each asserts what {@link JsonSyntax} says and what the exact Jackson
 * check ({@link ProbeRunner#checkSyntaxWithJackson}) says, so the Jackson behaviour the fast path relies
 * on is pinned here too. The one hard rule: never valid when Jackson rejects.
 */
class JsonSyntaxTest {
    /** Fast path says valid, and Jackson agrees. */
    private static void fast(String json) {
        fast(utf8(json));
    }

    private static void fast(byte[] json) {
        assertThat(jackson(json)).as("Jackson accepts %s", show(json)).isTrue();
        assertThat(JsonSyntax.isCertainlyValid(json))
                .as("fast path accepts %s", show(json))
                .isTrue();
    }

    /** Fast path is unsure and falls back to Jackson, which says {@code jacksonAccepts}. */
    private static void fallsBack(String json, boolean jacksonAccepts) {
        fallsBack(utf8(json), jacksonAccepts);
    }

    private static void fallsBack(byte[] json, boolean jacksonAccepts) {
        assertThat(JsonSyntax.isCertainlyValid(json))
                .as("fast path unsure of %s", show(json))
                .isFalse();
        assertThat(jackson(json)).as("Jackson accepts %s", show(json)).isEqualTo(jacksonAccepts);
    }

    private static void invalid(String json) {
        fallsBack(json, false);
    }

    /** A string value holding raw bytes given in hex. */
    private static byte[] stringWithBytes(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] doc = new byte[raw.length + 4];
        doc[0] = '[';
        doc[1] = '"';
        System.arraycopy(raw, 0, doc, 2, raw.length);
        doc[raw.length + 2] = '"';
        doc[raw.length + 3] = ']';
        return doc;
    }

    static boolean jackson(byte[] json) {
        try {
            ProbeRunner.checkSyntaxWithJackson(json);
            return true;
        } catch (Exception e) { // JsonProcessingException, or CharConversionException for bad UTF-32
            return false;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String show(byte[] json) {
        String s = new String(json, 0, Math.min(json.length, 300), StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) out.append(c);
            else out.append(String.format("\\x%02X", (int) c));
        }
        return out + (json.length > 300 ? "... (" + json.length + " bytes)" : "");
    }

    @Test
    void everyKindOfValueWithWhitespaceAroundTokens() {
        fast("{}");
        fast("[]");
        fast("0");
        fast("\"x\"");
        fast("true");
        fast("false");
        fast("null");
        fast(" \t\r\n{ \"a\" : [ 1 , true , false , null , \"s\" , { } , [ ] ] }\n\r\t ");
        fast("{\"a\":{\"b\":[{\"c\":[[[]]]}]}}");
    }

    @Test
    void numbersOfEveryRfcShape() {
        for (String n : new String[] {
            "0",
            "-0",
            "7",
            "-7",
            "10",
            "123456789012345678901234567890",
            "0.0",
            "-0.5",
            "1.25",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "1E-05",
            "0e0",
            "-0.0e-0",
            "12.34E+56",
            "1.7976931348623157e309"
        }) {
            fast(n);
            fast("[" + n + "]");
            fast("{\"n\":" + n + "}");
        }
    }

    @Test
    void malformedNumbersAreInvalid() {
        for (String n : new String[] {
            "01",
            "-01",
            "00",
            "-",
            "+1",
            "1.",
            ".5",
            "1.e5",
            "1e",
            "1e+",
            "1E-",
            "--1",
            "0x10",
            "1_000",
            "1.5.2",
            "NaN",
            "Infinity",
            "-Infinity"
        }) {
            invalid(n);
            invalid("[" + n + "]");
            invalid("{\"n\":" + n + "}");
        }
    }

    @Test
    void numbersLongerThanTheFastLimitFallBackButJacksonAllowsUpToAThousandDigits() {
        String limit = "1" + "0".repeat(JsonSyntax.MAX_NUMBER_LENGTH - 1);
        fast("[" + limit + "]");
        fallsBack("[" + limit + "0]", true);
        fallsBack("[1" + "0".repeat(1_000) + "]", false); // Jackson's own limit
    }

    @Test
    void literalsMustBeExact() {
        for (String s : new String[] {"tru", "truex", "True", "nul", "nulls", "fals", "falsey", "undefined"}) {
            invalid(s);
            invalid("[" + s + "]");
        }
        invalid("[true false]");
        invalid("[truefalse]");
    }

    @Test
    void stringEscapes() {
        fast("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00E9 \\uD83D\\uDE00 \\u0000\"]");
        fast("[\"\\uD800\"]"); // Jackson does not pair surrogates in string values; neither do we
        for (String bad : new String[] {"\\x", "\\a", "\\'", "\\u12", "\\u12G4", "\\U0041", "\\", "\\0"}) {
            invalid("[\"" + bad + "\"]");
        }
    }

    @Test
    void rawControlCharactersInStringsAreInvalidButDeleIsFine() {
        for (int c = 0; c < 0x20; c++) invalid("[\"a" + (char) c + "b\"]");
        invalid("{\"a\tb\":1}");
        fast("[\"a\u007Fb\"]");
    }

    @Test
    void wellFormedUtf8InStringsAndKeys() {
        fast("[\"é € 😀 \uFFFD \uFFFF\"]");
        fast("{\"é\":1,\"e\":2,\"😀\":3,\"€\":4}");
        fast(stringWithBytes("c280dfbfe0a080efbfbff0908080f48fbfbf")); // each length's min and max
    }

    @Test
    void malformedUtf8FallsBackEvenWhereJacksonIsLenient() {
        fallsBack(stringWithBytes("80"), false); // stray continuation byte
        fallsBack(stringWithBytes("c3"), false); // truncated 2-byte sequence
        fallsBack(stringWithBytes("e282"), false); // truncated 3-byte sequence
        fallsBack(stringWithBytes("c328"), false); // bad continuation
        fallsBack(stringWithBytes("f8888080"), false); // 5-byte lead
        fallsBack(stringWithBytes("ff"), false);
        // Jackson only checks continuation bytes: overlong forms, encoded surrogates and code points
        // above U+10FFFF pass it. The fast path is strict, so these are Jackson's to judge.
        fallsBack(stringWithBytes("c080"), true);
        fallsBack(stringWithBytes("e08080"), true);
        fallsBack(stringWithBytes("eda080"), true);
        fallsBack(stringWithBytes("f0808080"), true);
        fallsBack(stringWithBytes("f4908080"), true);
    }

    @Test
    void nonAsciiOutsideStringsByteOrderMarksAndUtf16FallBack() {
        invalid("[1,\u00A02]"); // no-break space is not JSON whitespace
        byte[] bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        fallsBack(bom, true);
        fallsBack("{\"a\":[1]}".getBytes(StandardCharsets.UTF_16BE), true);
        fallsBack("{\"a\":[1]}".getBytes(StandardCharsets.UTF_16LE), true);
        fallsBack("{\"a\":[1]}".getBytes(StandardCharsets.UTF_16), true); // with its BOM
    }

    @Test
    void onlySpaceTabCrLfAreWhitespace() {
        for (char c : new char[] {'\u000B', '\f', '\u0000', '\u001C'}) {
            invalid("[1," + c + "2]");
            invalid(c + "{}");
            invalid("{}" + c);
        }
    }

    @Test
    void emptyOrBlankInputFallsBackAndJacksonFindsNoToken() {
        fallsBack("", true);
        fallsBack(" \n\t", true);
    }

    @Test
    void oneValueOnlyNoTrailingContent() {
        invalid("{\"a\":1}x");
        invalid("{\"a\":1} {\"a\":2}");
        invalid("[1] [2]");
        invalid("1 2");
        invalid("\"a\" \"b\"");
        invalid("{},");
        invalid("[1]]");
    }

    @Test
    void structuralErrorsAreInvalid() {
        for (String s : new String[] {
            "[", "{", "[1,]", "[,1]", "[1,,2]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\" 1}", "{\"a\":}", "{a:1}",
            "{'a':1}", "['a']", "{\"a\":1 \"b\":2}", "[1 2]", "]", "}", "{\"a\":1]", "[1}", "\"abc", "{\"a", "{\"a\":"
        }) {
            invalid(s);
        }
    }

    @Test
    void commentsAreInvalid() {
        invalid("// c\n{}");
        invalid("/* c */ {}");
        invalid("{} # c");
        invalid("[1, /* c */ 2]");
    }

    @Test
    void nestingDepthBeyondTheFastLimitFallsBack() {
        int max = JsonSyntax.MAX_DEPTH;
        fast("[".repeat(max) + "]".repeat(max));
        fast("{\"a\":".repeat(max - 1) + "{}" + "}".repeat(max - 1));
        fallsBack("[".repeat(max + 1) + "]".repeat(max + 1), true);
        fallsBack("[".repeat(1_001) + "]".repeat(1_001), false); // Jackson's own limit is 1,000
    }

    @Test
    void longStringsAndKeysFallBack() {
        fast("{\"" + "k".repeat(JsonSyntax.MAX_NAME_BYTES) + "\":1}");
        fallsBack("{\"" + "k".repeat(JsonSyntax.MAX_NAME_BYTES + 1) + "\":1}", true);
        fast("[\"" + "s".repeat(JsonSyntax.MAX_STRING_BYTES) + "\"]");
        fallsBack("[\"" + "s".repeat(JsonSyntax.MAX_STRING_BYTES + 1) + "\"]", true);
    }

    @Test
    void duplicateKeysInAnyObjectAreInvalid() {
        invalid("{\"a\":1,\"a\":2}");
        invalid("{\"a\":1,\"b\":2,\"a\":3}");
        invalid("[{\"x\":{\"a\":1,\"a\":2}}]");
        invalid("{\"é\":1,\"é\":2}");
        invalid("{\"\":1,\"\":2}");
    }

    @Test
    void sameKeyInDifferentObjectsIsFine() {
        fast("{\"a\":{\"a\":{\"a\":1}}}");
        fast("[{\"a\":1},{\"a\":2}]");
        fast("{\"x\":{\"a\":1,\"b\":2},\"a\":3,\"b\":4}");
        fast("{\"a\":1,\"ab\":2,\"b\":3,\"ba\":4,\"\":5}");
    }

    @Test
    void keysWithEscapesFallBackBecauseJacksonComparesDecodedNames() {
        fallsBack("{\"\\u0061\":1}", true);
        fallsBack("{\"a\":1,\"\\u0061\":2}", false);
        fallsBack("{\"a\\/b\":1,\"a/b\":2}", false);
    }

    @Test
    void duplicatesInBigObjectsUseTheHashTable() {
        for (int size : new int[] {JsonSyntax.LINEAR_KEYS, JsonSyntax.LINEAR_KEYS + 1, 40, 300}) {
            fast(objectOfKeys(size, -1, 0));
            for (int dup : new int[] {0, JsonSyntax.LINEAR_KEYS - 1, size - 1}) {
                if (dup < size) invalid(objectOfKeys(size, dup, size));
            }
            // A big object nested in a big object: each has its own table.
            fast("{"
                    + objectOfKeys(size, -1, 0)
                            .substring(1, objectOfKeys(size, -1, 0).length() - 1) + ",\"inner\":"
                    + objectOfKeys(size, -1, 0) + "}");
        }
    }

    @Test
    void keysWithEqualHashesAreComparedByBytes() {
        // "Aa" and "BB" have the same 31-based hash; so do all 2^n concatenations of them.
        StringBuilder b = new StringBuilder("{");
        String[] parts = {"Aa", "BB"};
        for (int i = 0; i < 8; i++) {
            if (i > 0) b.append(',');
            b.append('"').append(parts[i & 1]).append(parts[(i >> 1) & 1]).append(parts[(i >> 2) & 1]);
            b.append("\":").append(i);
        }
        fast(b + "}");
        invalid(b + ",\"AaBBAa\":9}");
        // Many keys of one hash in a big object: more collisions than the fast path probes, so unsure.
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 64; i++) {
            if (i > 0) many.append(',');
            many.append('"');
            for (int bit = 0; bit < 6; bit++) many.append(parts[(i >> bit) & 1]);
            many.append("\":").append(i);
        }
        fallsBack(many + "}", true);
    }

    /** An object of {@code size} distinct keys; if {@code dupOf >= 0}, key {@code at} repeats it. */
    private static String objectOfKeys(int size, int dupOf, int at) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i <= size; i++) {
            if (i == at && dupOf >= 0) b.append("\"key").append(dupOf).append("\":0,");
            if (i < size) b.append("\"key").append(i).append("\":").append(i).append(',');
        }
        b.setLength(b.length() - 1);
        return b.append('}').toString();
    }
}
