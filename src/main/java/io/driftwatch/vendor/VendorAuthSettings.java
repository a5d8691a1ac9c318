package io.driftwatch.vendor;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import io.driftwatch.http.AuthProviderFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a vendor auth section ({@link AuthSpec.Vendor}): plain settings, and secrets given inline
 * ({@code clientSecret: ${ENV}}) or as a file ({@code clientSecretFile: path}, relative to the connection
 * file). Errors are {@link IllegalArgumentException}s naming the connection and key, never a value.
 */
public final class VendorAuthSettings {
    private final ConnectionDefinition connection;
    private final AuthSpec.Vendor spec;

    public VendorAuthSettings(ConnectionDefinition connection) {
        this.connection = connection;
        this.spec = AuthProviderFactory.spec(connection, AuthSpec.Vendor.class);
    }

    public String connectionId() {
        return connection.id();
    }

    public String setting(String key, String fallback) {
        String v = spec.settings().get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public String requireSetting(String key) {
        String v = setting(key, null);
        if (v == null) throw problem("auth." + key + " is required");
        return v;
    }

    public URI url(String key, String fallback) {
        String v = setting(key, fallback);
        if (v == null) throw problem("auth." + key + " is required");
        try {
            URI u = URI.create(v);
            if (u.getScheme() == null || !u.getScheme().startsWith("http")) throw new IllegalArgumentException();
            return u;
        } catch (IllegalArgumentException e) {
            throw problem("auth." + key + " must be an http(s) URL");
        }
    }

    /** The secret {@code key} written inline (not from a file), or null. */
    public Secret inlineSecret(String key) {
        Secret inline = spec.secrets().get(key);
        return inline == null || inline.isEmpty() ? null : inline;
    }

    /** The secret {@code key}, or the content of {@code keyFile}; null when neither is set or it is empty. */
    public Secret secret(String key) {
        Secret inline = spec.secrets().get(key);
        if (inline != null && !inline.isEmpty()) return inline;
        String file = setting(key + "File", null);
        if (file == null) return null;
        Path path = connection.source() == null || connection.source().file() == null
                ? Path.of(file)
                : connection.source().file().resolveSibling(file);
        try {
            String content = Files.readString(path).strip();
            return content.isEmpty() ? null : Secret.of(content);
        } catch (IOException e) {
            throw problem("cannot read auth." + key + "File '" + path + "': "
                    + e.getClass().getSimpleName());
        }
    }

    public Secret requireSecret(String key) {
        Secret s = secret(key);
        if (s == null) throw problem("auth." + key + " (or auth." + key + "File) is required");
        return s;
    }

    /** The file named by setting {@code key}, resolved against the connection file's folder. */
    public Path path(String key) {
        String file = setting(key, null);
        if (file == null) return null;
        return connection.source() == null || connection.source().file() == null
                ? Path.of(file)
                : connection.source().file().resolveSibling(file);
    }

    public IllegalArgumentException problem(String message) {
        return new IllegalArgumentException("connection '" + connection.id() + "': " + message);
    }
}
