package io.driftwatch.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a connection's {@code auth:} section. The generic types are checked key by key; any other type is a
 * vendor flow ({@code quickbooks-oauth2}, {@code salesforce-jwt}...) whose keys are split into secrets and
 * plain settings by name. Secret values never appear in a message.
 */
final class AuthMapper {

    /** Vendor auth keys holding credentials. */
    static final Pattern SECRET_KEY = Pattern.compile("(secret|token|password|key)", Pattern.CASE_INSENSITIVE);

    /** Vendor auth keys that name a place rather than hold a credential, even when they match {@link #SECRET_KEY}. */
    private static final List<String> LOCATION_SUFFIXES = List.of("file", "path", "url", "uri");

    private final Path file;
    private final Values values;
    private final Set<String> secretSink;

    AuthMapper(Path file, Values values, Set<String> secretSink) {
        this.file = file;
        this.values = values;
        this.secretSink = secretSink;
    }

    AuthSpec map(YamlNode node) {
        if (Values.skip(node)) return null;
        if (!(node instanceof YamlNode.Mapping m)) {
            values.expected(node, "a mapping");
            return null;
        }
        YamlNode typeNode = m.get("type");
        if (typeNode == null) {
            values.problems().add(m.line(), m.column(), "auth.type", "auth.type is required");
            return null;
        }
        String type = ProbeMapper.checkedId(typeNode, values);
        if (type == null) return null;
        List<String> keys = ConfigKeys.CONNECTION.get("auth:" + type);
        if (keys == null) return vendor(type, m);
        Fields f = Fields.open(node, keys, "", values);
        return switch (type) {
            case "none" -> new AuthSpec.None();
            case "basic" -> {
                String username = f.require("username") ? f.string("username") : null;
                Secret password = secret(f, "password");
                yield username == null || password == null ? null : new AuthSpec.Basic(username, password);
            }
            case "bearer" -> {
                Secret token = secret(f, "token");
                yield token == null ? null : new AuthSpec.Bearer(token);
            }
            case "api-key" -> apiKey(f);
            default -> clientCredentials(f);
        };
    }

    private AuthSpec apiKey(Fields f) {
        String name = f.require("name") ? f.string("name") : null;
        Secret value = secret(f, "value");
        String in = f.has("in") ? values.oneOf(f.get("in"), List.of("header", "query")) : "header";
        if (name == null || value == null || in == null) return null;
        return new AuthSpec.ApiKey(name, value, AuthSpec.KeyLocation.valueOf(in.toUpperCase(Locale.ROOT)));
    }

    private AuthSpec clientCredentials(Fields f) {
        var tokenUrl = f.require("tokenUrl") ? values.httpUrl(f.get("tokenUrl")) : null;
        String clientId = f.require("clientId") ? f.string("clientId") : null;
        Secret clientSecret = secret(f, "clientSecret");
        String scope = f.string("scope");
        if (tokenUrl == null || clientId == null || clientSecret == null) return null;
        return new AuthSpec.ClientCredentials(tokenUrl, clientId, clientSecret, scope);
    }

    /** A required secret, written as {@code key: ${ENV}} or read from the file named by {@code keyFile}. */
    private Secret secret(Fields f, String key) {
        String fileKey = key + "File";
        boolean inline = f.has(key);
        boolean fromFile = f.has(fileKey);
        if (inline == fromFile) {
            String path = "auth." + key;
            String message = inline
                    ? "auth: set either '" + key + "' or '" + fileKey + "', not both"
                    : path + " is required (or auth." + fileKey + ")";
            YamlNode.Mapping m = f.node();
            values.problems().add(m.line(), m.column(), path, message);
            return null;
        }
        // text(), not string(): a numeric password is still a password, and its value must not be echoed.
        String value = inline ? values.text(f.get(key)) : readSecretFile(f.get(fileKey));
        if (value == null) return null;
        if (!value.isEmpty()) secretSink.add(value);
        return Secret.of(value);
    }

    /** The file's content, trimmed; relative paths resolve against the connection file's folder. */
    private String readSecretFile(YamlNode node) {
        String name = values.string(node);
        if (name == null) return null;
        Path path = file.resolveSibling(name);
        try {
            String content = Files.readString(path).strip();
            if (content.isEmpty()) values.problems().at(node, "secret file '" + path + "' is empty");
            return content.isEmpty() ? null : content;
        } catch (NoSuchFileException e) {
            values.problems().at(node, "cannot read secret file '" + path + "': file not found");
        } catch (AccessDeniedException e) {
            values.problems().at(node, "cannot read secret file '" + path + "': permission denied");
        } catch (IOException e) {
            values.problems()
                    .at(
                            node,
                            "cannot read secret file '" + path + "': "
                                    + e.getClass().getSimpleName());
        }
        return null;
    }

    private AuthSpec vendor(String type, YamlNode.Mapping m) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            if (e.key().equals("type")) continue;
            String value = values.text(e.value());
            if (value == null) continue;
            if (isSecretKey(e.key())) {
                if (!value.isEmpty()) secretSink.add(value);
                secrets.put(e.key(), Secret.of(value));
            } else {
                settings.put(e.key(), value);
            }
        }
        return new AuthSpec.Vendor(type, settings, secrets);
    }

    static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEY.matcher(key).find() && LOCATION_SUFFIXES.stream().noneMatch(lower::endsWith);
    }
}
