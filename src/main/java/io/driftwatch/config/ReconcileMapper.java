package io.driftwatch.config;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Maps the {@code kind}, {@code source}, {@code target} and {@code tolerance} keys of a probe document.
 * A {@code kind: reconcile} probe has two sides instead of {@code connection}, {@code request} and
 * {@code expect}; an HTTP probe (the default kind) has none of the reconcile keys. Every problem is
 * reported at its node.
 */
final class ReconcileMapper {

    static final String HTTP = "http";
    static final String RECONCILE = "reconcile";
    static final List<String> KINDS = List.of(HTTP, RECONCILE);
    private static final List<String> RECONCILE_ONLY = List.of("source", "target", "tolerance");
    private static final List<String> HTTP_ONLY = List.of("connection", "request", "expect");

    private final Path file;
    private final Values values;
    private final Function<YamlNode, String> connection;

    /** @param connection reads and checks a connection reference (reports unknown ids) */
    ReconcileMapper(Path file, Values values, Function<YamlNode, String> connection) {
        this.file = file;
        this.values = values;
        this.connection = connection;
    }

    /** True for {@code kind: reconcile}; an absent kind is an HTTP probe; a bad one is reported. */
    static boolean isReconcile(Fields probe, Values values) {
        return RECONCILE.equals(values.oneOf(probe.get("kind"), KINDS));
    }

    /**
     * The reconcile definition of a {@code kind: reconcile} probe, or null (for an HTTP probe, or when
     * broken). For an HTTP probe, reports every reconcile-only key it carries.
     */
    ReconcileDefinition map(Fields probe, boolean reconcile) {
        List<String> misplaced = reconcile ? HTTP_ONLY : RECONCILE_ONLY;
        for (String key : misplaced) {
            YamlNode node = probe.get(key);
            if (node == null) continue;
            String reason = reconcile
                    ? "not used by kind: reconcile probes (each side has its own connection and request)"
                    : "applies only to kind: reconcile probes";
            YamlNode.Entry e = probe.node().entries().get(key);
            values.problems().add(e.keyLine(), e.keyColumn(), key, key + ": " + reason);
        }
        if (!reconcile) return null;
        ReconcileSide source = probe.require("source") ? side(probe.get("source"), "source") : null;
        ReconcileSide target = probe.require("target") ? side(probe.get("target"), "target") : null;
        BigDecimal tolerance = values.decimal(probe.get("tolerance"));
        if (tolerance != null && tolerance.signum() < 0) {
            values.expected(probe.get("tolerance"), "a number >= 0");
            tolerance = null;
        }
        if (source == null || target == null) return null;
        return new ReconcileDefinition(source, target, tolerance);
    }

    private ReconcileSide side(YamlNode node, String role) {
        Fields f = Fields.open(node, ConfigKeys.probe(role), "", values);
        if (f == null) return null;
        String name = f.string("name");
        boolean fetches = f.has("connection") || f.has("request");
        if (fetches && f.has("file")) {
            values.problems().at(node, "give either connection and request, or file, not both");
        } else if (!fetches && !f.has("file")) {
            values.problems().at(node, "needs connection and request, or file");
        } else if (fetches) {
            f.require("connection");
            f.require("request");
        }
        String connectionId = connection.apply(f.get("connection"));
        RequestSpec request = new RequestMapper(values).map(f.get("request"), true);
        Path payload = payloadFile(f.get("file"));
        String records = Syntax.jsonPath(f.get("records"), values);
        String nextPage = Syntax.jsonPath(f.get("nextPage"), values);
        if (nextPage != null && f.has("file")) values.problems().at(f.get("nextPage"), "applies only to request sides");
        String key = f.require("key") ? Syntax.jsonPath(f.get("key"), values) : null;
        String amount = f.require("amount") ? Syntax.jsonPath(f.get("amount"), values) : null;
        String currency = Syntax.jsonPath(f.get("currency"), values);
        return new ReconcileSide(name, connectionId, request, payload, records, nextPage, key, amount, currency);
    }

    private Path payloadFile(YamlNode node) {
        String name = values.string(node);
        if (name == null) return null;
        Path resolved = file.resolveSibling(name);
        if (!Files.isRegularFile(resolved)) {
            values.problems().at(node, "file not found: " + resolved);
            return null;
        }
        return resolved;
    }
}
