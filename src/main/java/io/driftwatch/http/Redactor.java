package io.driftwatch.http;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks secrets in text, URLs and headers before they reach the audit trail, an {@link Exchange}, a
 * failure message or a log line. Immutable and thread-safe; build a new one when the configuration (and
 * with it the set of secrets) changes and swap it in a {@link RedactorHolder}.
 *
 * <p>Two rules apply together: every known secret value is masked wherever it appears (also in its
 * percent-encoded forms), and values of well-known sensitive query parameters and headers are masked
 * whatever they contain. No regular expressions: this runs on every call.
 */
public final class Redactor {
    public static final String MASK = Secret.MASK;

    /** Query parameter names whose values are always masked (compared lower-case, after decoding). */
    public static final Set<String> SENSITIVE_PARAMS = Set.of(
            "auth-token",
            "auth-id",
            "access_token",
            "token",
            "api_key",
            "apikey",
            "key",
            "password",
            "secret",
            "client_secret",
            "refresh_token",
            "signature",
            "sig",
            "code");

    /** Header names (lower case) whose values are always masked. */
    public static final Set<String> SENSITIVE_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private static final Redactor EMPTY = new Redactor(new String[0]);

    /** Secret values and their encoded forms, longest first so a longer secret is masked whole. */
    private final String[] secrets;

    private Redactor(String[] secrets) {
        this.secrets = secrets;
    }

    /** A redactor that masks only by parameter and header name. */
    public static Redactor empty() {
        return EMPTY;
    }

    /** A redactor masking these values (blank values are ignored) plus the sensitive names. */
    public static Redactor of(Collection<String> secretValues) {
        var variants = new LinkedHashSet<String>();
        for (String s : secretValues) {
            if (s == null || s.isBlank()) continue;
            variants.add(s);
            variants.add(UriQuery.encode(s));
            variants.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        String[] sorted = variants.toArray(new String[0]);
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
        return new Redactor(sorted);
    }

    /** Every secret in these connections' auth settings, for {@link #of(Collection)}. */
    public static Set<String> secretValues(Collection<ConnectionDefinition> connections) {
        var values = new LinkedHashSet<String>();
        for (ConnectionDefinition c : connections) values.addAll(secretValues(c.auth()));
        return values;
    }

    /** The secret values one auth spec holds (including the derived Basic credential). */
    public static Set<String> secretValues(AuthSpec auth) {
        var values = new LinkedHashSet<String>();
        switch (auth) {
            case AuthSpec.None n -> {}
            case AuthSpec.Basic b -> {
                values.add(b.password().reveal());
                values.add(BasicAuthProvider.credential(b.username(), b.password()));
            }
            case AuthSpec.Bearer b -> values.add(b.token().reveal());
            case AuthSpec.ApiKey k -> values.add(k.value().reveal());
            case AuthSpec.ClientCredentials cc -> values.add(cc.clientSecret().reveal());
            case AuthSpec.Vendor v -> v.secrets().values().forEach(s -> values.add(s.reveal()));
        }
        return values;
    }

    /** {@code text} with every secret occurrence replaced by {@code ****}; null stays null. */
    public String redact(String text) {
        if (text == null || secrets.length == 0) return text;
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) out = out.replace(s, MASK);
        }
        return out;
    }

    /**
     * As {@link #redact(String)}, also masking values only this call knows (e.g. the access token an
     * auth provider added). Slower: use on failure paths, not on every call.
     */
    public String redact(String text, Collection<String> alsoMask) {
        if (text == null || alsoMask.isEmpty()) return redact(text);
        var all = new ArrayList<String>(Arrays.asList(secrets));
        all.addAll(alsoMask);
        return of(all).redact(text);
    }

    /** The URL with userinfo, sensitive query parameter values and secret values masked. */
    public String redactUrl(URI uri) {
        if (uri == null) return null;
        String authority = uri.getRawAuthority();
        if (uri.isOpaque() || authority == null) return redact(uri.toString());
        var sb = new StringBuilder(uri.toString().length() + 8);
        if (uri.getScheme() != null) sb.append(uri.getScheme()).append("://");
        int at = authority.lastIndexOf('@');
        if (at >= 0) sb.append(MASK).append('@');
        sb.append(authority, at + 1, authority.length());
        if (uri.getRawPath() != null) sb.append(uri.getRawPath());
        if (uri.getRawQuery() != null) appendRedactedQuery(sb.append('?'), uri.getRawQuery());
        if (uri.getRawFragment() != null) sb.append('#').append(uri.getRawFragment());
        return redact(sb.toString());
    }

    private static void appendRedactedQuery(StringBuilder sb, String rawQuery) {
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            String pair = rawQuery.substring(start, end);
            int eq = pair.indexOf('=');
            if (eq >= 0 && isSensitiveParam(pair.substring(0, eq))) {
                sb.append(pair, 0, eq + 1).append(MASK);
            } else {
                sb.append(pair);
            }
            if (amp < 0) break;
            sb.append('&');
            start = amp + 1;
        }
    }

    /** True for a (possibly percent-encoded) query parameter name whose value is always masked. */
    public static boolean isSensitiveParam(String rawName) {
        String name = rawName;
        if (name.indexOf('%') >= 0 || name.indexOf('+') >= 0) {
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // keep the raw name: a malformed escape cannot spell a sensitive name anyway
            }
        }
        return SENSITIVE_PARAMS.contains(name.toLowerCase(Locale.ROOT));
    }

    public static boolean isSensitiveHeader(String name) {
        return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A copy with sensitive headers, and any header whose value contains a secret, shown as {@code ****}.
     * Names and order are kept.
     */
    public Map<String, List<String>> redactHeaders(Map<String, List<String>> headers) {
        var out = new LinkedHashMap<String, List<String>>(headers.size() * 2);
        headers.forEach((name, values) -> {
            if (isSensitiveHeader(name)) {
                out.put(name, values.stream().map(v -> MASK).toList());
            } else if (values.stream().anyMatch(this::containsSecret)) {
                out.put(
                        name,
                        values.stream().map(v -> containsSecret(v) ? MASK : v).toList());
            } else {
                out.put(name, values);
            }
        });
        return out;
    }

    /** True when {@code text} contains any known secret value. */
    public boolean containsSecret(String text) {
        if (text == null) return false;
        for (String s : secrets) {
            if (text.contains(s)) return true;
        }
        return false;
    }

    /** Length of the longest secret variant, so callers can cut text without splitting a secret. */
    int longestSecret() {
        return secrets.length == 0 ? 0 : secrets[0].length();
    }
}
