package io.driftwatch.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Maps one connection document (a file under {@code probes/connections/}) to a {@link ConnectionDefinition}. */
final class ConnectionMapper {

    static final List<String> VENDORS = List.of("generic", "quickbooks", "salesforce", "smarty");

    /**
     * @param id the connection's id (its {@code id:} key, else the file name) when it could be read
     * @param definition the connection, or null when the document has problems
     */
    record Mapped(String id, SourceLocation source, ConnectionDefinition definition) {}

    private final Path file;
    private final Values values;
    private final Set<String> secretSink;

    ConnectionMapper(Path file, Problems problems, Set<String> secretSink) {
        this.file = file;
        this.values = new Values(problems);
        this.secretSink = secretSink;
    }

    /** The file name without its extension: the id of a connection file without an {@code id:} key. */
    static String idFromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    Mapped map(YamlNode root) {
        SourceLocation source = new SourceLocation(file, root.line(), root.column());
        Fields f = Fields.open(root, ConfigKeys.CONNECTION.get(""), "connection", values);
        if (f == null) return new Mapped(idFromFileName(file), source, null);
        String id;
        if (f.has("id")) {
            YamlNode.Entry e = f.node().entries().get("id");
            source = new SourceLocation(file, e.keyLine(), e.keyColumn());
            id = ProbeMapper.checkedId(e.value(), values);
        } else {
            id = idFromFileName(file);
            if (!ProbeMapper.ID.matcher(id).matches()) {
                values.problems()
                        .add(
                                root.line(),
                                root.column(),
                                "id",
                                "connection id '" + id + "' taken from the file name must be " + ProbeMapper.ID_RULE
                                        + "; rename the file or set 'id:'");
                id = null;
            }
        }
        String vendor = f.has("vendor") ? values.oneOf(f.get("vendor"), VENDORS) : "generic";
        URI baseUrl = f.require("baseUrl") ? values.httpUrl(f.get("baseUrl")) : null;
        var headers = values.stringMap(f.get("headers"));
        Integer maxConcurrency = f.integer("maxConcurrency", 1);
        var settings = values.stringMap(f.get("settings"));
        Boolean reuseConnections = f.bool("reuseConnections");
        AuthSpec auth =
                f.has("auth") ? new AuthMapper(file, values, secretSink).map(f.get("auth")) : new AuthSpec.None();
        // Any problem in the document, substitution failures included, means no definition.
        if (!values.problems().isEmpty()) return new Mapped(id, source, null);
        var connection = new ConnectionDefinition(
                id,
                vendor,
                baseUrl,
                headers,
                auth,
                maxConcurrency == null ? ConnectionDefinition.DEFAULT_MAX_CONCURRENCY : maxConcurrency,
                settings,
                source,
                reuseConnections == null || reuseConnections);
        return new Mapped(id, source, connection);
    }
}
