package io.driftwatch.probe;

import java.util.Arrays;

/**
 * A fast, conservative JSON syntax check over raw bytes: the fast path in front of the exact Jackson
 * check for bodies no check reads (Jackson's field-name canonicalisation and duplicate detection cost
 * about 11 % of all CPU at 1,000 runs/s).
 *
 * <p>Contract: {@link #isCertainlyValid} returns {@code true} only for a document that {@code
 * ExactJson.mapper()} reads without error (one value, RFC 8259 strings, numbers and literals, space, tab,
 * CR and LF around tokens, no duplicate key in any object). {@code false} means "not sure": the caller
 * then runs Jackson, which finds the exact error and its position. So it gives up rather than guess on
 * anything unusual: escapes inside keys (Jackson compares decoded names), UTF-8 that is not strictly
 * well-formed (overlong forms, encoded surrogates, stray bytes), a byte order mark or UTF-16/32, nesting
 * deeper than {@value #MAX_DEPTH}, numbers longer than {@value #MAX_NUMBER_LENGTH} characters, keys longer
 * than {@value #MAX_NAME_BYTES} bytes, strings longer than {@value #MAX_STRING_BYTES} bytes, objects of
 * more than {@value #MAX_KEYS} keys or with keys colliding in its hash table, empty and whitespace-only input. The
 * limits are well below Jackson's {@code StreamReadConstraints} defaults of 2.22 (depth 1,000, number
 * 1,000, name 50,000, string 20,000,000 characters), which the project does not change.
 * Not modelled: Jackson's guard against hash flooding of its field-name table (an IllegalStateException,
 * not a syntax error, for thousands of distinct names colliding under its seeded hash).
 *
 * <p>Allocation: one small object and a key table of a few hundred bytes per call, grown only for bodies
 * with many keys open at once; a hash table per nesting level only for objects of more than {@value
 * #LINEAR_KEYS} keys. No thread-local state, so it costs the same on virtual threads.
 */
public final class JsonSyntax {
    static final int MAX_DEPTH = 200;
    static final int MAX_NUMBER_LENGTH = 500;
    static final int MAX_NAME_BYTES = 1_000;
    static final int MAX_STRING_BYTES = 1_000_000;
    static final int MAX_KEYS = 100_000;
    /** Objects up to this many keys are checked for duplicates by a linear scan of (hash, length). */
    static final int LINEAR_KEYS = 16;
    /** Table slots probed for one key before giving up (bounds the work on crafted collisions). */
    private static final int MAX_PROBES = 32;

    private static final int FAIL = -1;

    private final byte[] b;
    private final int n;
    /** Keys of the open objects, innermost last: (start, length, hash, unused) per key number. */
    private int[] keys = new int[4 * 16];

    private int keyCount;
    /** Per nesting level, the open-addressing table of a big object (key number + 1, 0 = empty). */
    private int[][] tables;

    private JsonSyntax(byte[] json) {
        this.b = json;
        this.n = json.length;
    }

    /** True only if Jackson with the ExactJson settings accepts {@code json}; false when unsure. */
    public static boolean isCertainlyValid(byte[] json) {
        if (json == null || json.length == 0) return false;
        JsonSyntax s = new JsonSyntax(json);
        int i = s.value(s.ws(0), 0);
        return i >= 0 && s.ws(i) == s.n;
    }

    // Written for C1 (the daemon runs -XX:TieredStopAtLevel=1): no inlining of big methods, no hoisting of
    // field loads out of loops. So hot loops read locals, and ws() is small enough to inline, since
    // compact JSON has no whitespace at most of the places it is called.

    private int ws(int i) {
        return i < n && b[i] <= ' ' ? skipWhitespace(i) : i;
    }

    private int skipWhitespace(int i) {
        byte[] b = this.b;
        int n = this.n;
        while (i < n) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return i;
            i++;
        }
        return i;
    }

    /** Index just after the value starting at {@code i}, or {@link #FAIL}. */
    private int value(int i, int depth) {
        if (i >= n) return FAIL;
        return switch (b[i]) {
            case '"' -> string(i + 1);
            case '{' -> object(i + 1, depth + 1);
            case '[' -> array(i + 1, depth + 1);
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(i);
            case 't' -> literal(i, 't', 'r', 'u', 'e');
            case 'n' -> literal(i, 'n', 'u', 'l', 'l');
            case 'f' -> i + 5 <= n && b[i + 4] == 'e' && literal(i, 'f', 'a', 'l', 's') > 0 ? i + 5 : FAIL;
            default -> FAIL;
        };
    }

    private int literal(int i, char c0, char c1, char c2, char c3) {
        return i + 4 <= n && b[i] == c0 && b[i + 1] == c1 && b[i + 2] == c2 && b[i + 3] == c3 ? i + 4 : FAIL;
    }

    private int number(int i) {
        byte[] b = this.b;
        int n = this.n;
        int start = i;
        if (b[i] == '-' && ++i >= n) return FAIL;
        if (b[i] == '0') i++;
        else if (b[i] >= '1' && b[i] <= '9') {
            do i++;
            while (i < n && b[i] >= '0' && b[i] <= '9');
        } else return FAIL;
        if (i < n && b[i] == '.') {
            int d = ++i;
            while (i < n && b[i] >= '0' && b[i] <= '9') i++;
            if (i == d) return FAIL;
        }
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            if (++i < n && (b[i] == '+' || b[i] == '-')) i++;
            int d = i;
            while (i < n && b[i] >= '0' && b[i] <= '9') i++;
            if (i == d) return FAIL;
        }
        // A digit right after a leading 0 ("01") is caught by the caller, which expects a separator.
        return i - start > MAX_NUMBER_LENGTH ? FAIL : i;
    }

    private int array(int i, int depth) {
        if (depth > MAX_DEPTH) return FAIL;
        i = ws(i);
        if (i < n && b[i] == ']') return i + 1;
        while (true) {
            i = value(i, depth);
            if (i < 0) return FAIL;
            i = ws(i);
            if (i >= n) return FAIL;
            if (b[i] == ']') return i + 1;
            if (b[i] != ',') return FAIL;
            i = ws(i + 1);
        }
    }

    private int object(int i, int depth) {
        if (depth > MAX_DEPTH) return FAIL;
        i = ws(i);
        if (i < n && b[i] == '}') return i + 1;
        int first = keyCount;
        while (true) {
            if (i >= n || b[i] != '"') return FAIL;
            i = key(i + 1, first, depth);
            if (i < 0) return FAIL;
            i = ws(i);
            if (i >= n || b[i] != ':') return FAIL;
            i = value(ws(i + 1), depth);
            if (i < 0) return FAIL;
            i = ws(i);
            if (i >= n) return FAIL;
            if (b[i] == '}') {
                keyCount = first; // this object's keys are done with; the enclosing object's stay below
                return i + 1;
            }
            if (b[i] != ',') return FAIL;
            i = ws(i + 1);
        }
    }

    /** Reads a key whose opening quote is before {@code i}; FAIL on an escape or a duplicate. */
    private int key(int i, int first, int depth) {
        byte[] b = this.b;
        int n = this.n;
        int start = i;
        int hash = 0;
        while (true) {
            if (i >= n) return FAIL;
            byte c = b[i];
            if (c >= 0x20 && c != '"' && c != '\\') {
                hash = 31 * hash + c;
                i++;
            } else if (c == '"') {
                break;
            } else if (c < 0) {
                hash = 31 * hash + c; // lead bytes only: equal keys still hash equal
                i = utf8(i, c & 0xFF);
                if (i < 0) return FAIL;
            } else {
                return FAIL; // escapes: Jackson compares decoded names; control characters: invalid
            }
        }
        int length = i - start;
        if (length > MAX_NAME_BYTES || !addKey(first, start, length, hash, depth)) return FAIL;
        return i + 1;
    }

    /** Index just after a string value whose opening quote is before {@code i}, or FAIL. */
    private int string(int i) {
        byte[] b = this.b;
        int n = this.n;
        int start = i;
        while (true) {
            if (i >= n) return FAIL;
            byte c = b[i];
            if (c >= 0x20 && c != '"' && c != '\\') {
                i++;
                continue;
            }
            if (c == '"') break;
            if (c == '\\') i = escape(i + 1);
            else if (c < 0) i = utf8(i, c & 0xFF);
            else return FAIL; // control character
            if (i < 0) return FAIL;
        }
        return i - start > MAX_STRING_BYTES ? FAIL : i + 1;
    }

    /** The escape whose backslash is before {@code i}: \" \\ \/ \b \f \n \r \t or \\uXXXX. */
    private int escape(int i) {
        if (i >= n) return FAIL;
        switch (b[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 1;
            }
            case 'u' -> {
                if (i + 4 >= n) return FAIL;
                for (int k = 1; k <= 4; k++) {
                    int c = b[i + k];
                    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return FAIL;
                }
                return i + 5;
            }
            default -> {
                return FAIL;
            }
        }
    }

    /**
     * One strictly well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most
     * U+10FFFF) with lead byte {@code c} at {@code i}; the index after it, or FAIL.
     */
    private int utf8(int i, int c) {
        if (c < 0xC2) return FAIL; // continuation byte or overlong 2-byte lead
        if (c < 0xE0) return i + 1 < n && isContinuation(b[i + 1]) ? i + 2 : FAIL;
        if (c < 0xF0) {
            if (i + 2 >= n) return FAIL;
            int c1 = b[i + 1] & 0xFF;
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return FAIL; // overlong, surrogate
            return isContinuation(b[i + 1]) && isContinuation(b[i + 2]) ? i + 3 : FAIL;
        }
        if (c < 0xF5) {
            if (i + 3 >= n) return FAIL;
            int c1 = b[i + 1] & 0xFF;
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return FAIL; // overlong, > U+10FFFF
            return isContinuation(b[i + 1]) && isContinuation(b[i + 2]) && isContinuation(b[i + 3]) ? i + 4 : FAIL;
        }
        return FAIL;
    }

    private static boolean isContinuation(byte c) {
        return (c & 0xC0) == 0x80;
    }

    /**
     * Records a key of the object whose keys start at {@code first}; false if the object already has it
     * (or it is too big or too colliding to be sure cheaply). Keys are escape-free and strictly
     * well-formed UTF-8, so equal bytes are exactly equal decoded names.
     */
    private boolean addKey(int first, int start, int length, int hash, int depth) {
        int count = keyCount - first;
        if (count >= MAX_KEYS) return false;
        int[] keys = this.keys;
        if (count < LINEAR_KEYS) {
            for (int k = first << 2, end = keyCount << 2; k < end; k += 4) {
                if (keys[k + 2] == hash && keys[k + 1] == length && sameBytes(keys[k], start, length)) return false;
            }
            pushKey(start, length, hash);
            return true;
        }
        int[] table = tableFor(first, count, depth);
        int mask = table.length - 1;
        int slot = spread(hash) & mask;
        for (int probes = 0; table[slot] != 0; probes++, slot = (slot + 1) & mask) {
            int k = (table[slot] - 1) << 2;
            if (probes > MAX_PROBES) return false;
            if (keys[k + 2] == hash && keys[k + 1] == length && sameBytes(keys[k], start, length)) return false;
        }
        table[slot] = keyCount + 1;
        pushKey(start, length, hash);
        return true;
    }

    /**
     * The open-addressing table of the object at {@code depth} (entries: key number + 1, 0 = empty),
     * (re)built from its keys when the object just outgrew the linear scan or the table is half full.
     */
    private int[] tableFor(int first, int count, int depth) {
        if (tables == null) tables = new int[MAX_DEPTH + 1][];
        int[] table = tables[depth];
        if (count != LINEAR_KEYS && table != null && 2 * (count + 1) <= table.length) return table;
        int size = Integer.highestOneBit(4 * (count + 1));
        if (table == null || table.length < size) table = new int[size];
        else Arrays.fill(table, 0);
        tables[depth] = table;
        int mask = table.length - 1;
        for (int k = first; k < keyCount; k++) {
            int slot = spread(keys[(k << 2) + 2]) & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = k + 1;
        }
        return table;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void pushKey(int start, int length, int hash) {
        int k = keyCount << 2;
        if (k + 4 > keys.length) keys = Arrays.copyOf(keys, 2 * keys.length);
        keys[k] = start;
        keys[k + 1] = length;
        keys[k + 2] = hash;
        keyCount++;
    }

    private boolean sameBytes(int a, int c, int length) {
        byte[] b = this.b;
        for (int k = 0; k < length; k++) {
            if (b[a + k] != b[c + k]) return false;
        }
        return true;
    }
}
