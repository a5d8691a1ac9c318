package io.driftwatch.drift;

/**
 * JSONPath-style paths as findings print them: {@code $.QueryResponse.Invoice[*].Line[*].Amount}.
 * Array elements are always {@code [*]} (drift is reported per path, never per index); names that are
 * not plain identifiers use brackets: {@code $['odd key']}.
 */
public final class DriftPaths {
    public static final String ROOT = "$";

    private DriftPaths() {}

    public static String child(String parent, String name) {
        if (isIdentifier(name)) return parent + "." + name;
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    public static String items(String parent) {
        return parent + "[*]";
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_'
                    || c == '$'
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) return false;
        }
        return true;
    }
}
