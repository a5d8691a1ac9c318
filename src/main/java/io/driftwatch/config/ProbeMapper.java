package io.driftwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Maps one probe document to a {@link ProbeDefinition}, reporting every problem it finds. Cross-file rules
 * (unique ids) are the loader's; the connection reference is checked here against the ids it is given.
 */
final class ProbeMapper {

    static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    static final String ID_RULE = "lower-case letters, digits and '-' ([a-z0-9-]+)";
    static final Schedule DEFAULT_SCHEDULE = new Schedule.Every(Duration.ofMinutes(1));
    static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    static final List<String> SEVERITIES = List.of("info", "warning", "critical");

    /**
     * @param id the probe's id when it could be read (even if the probe has other problems), else null
     * @param definition the probe, or null when the document has problems
     */
    record Mapped(String id, SourceLocation source, ProbeDefinition definition) {}

    private final Path file;
    private final Set<String> connectionIds;
    private final Values values;

    /** @param connectionIds the ids of all connection files, broken ones included */
    ProbeMapper(Path file, Set<String> connectionIds, Problems problems) {
        this.file = file;
        this.connectionIds = connectionIds;
        this.values = new Values(problems);
    }

    Mapped map(YamlNode root) {
        Fields f = Fields.open(root, ConfigKeys.probe(""), "probe", values);
        if (f == null) return new Mapped(null, new SourceLocation(file, root.line(), root.column()), null);
        String id = null;
        SourceLocation source = new SourceLocation(file, root.line(), root.column());
        if (f.require("id")) {
            YamlNode.Entry e = f.node().entries().get("id");
            source = new SourceLocation(file, e.keyLine(), e.keyColumn());
            id = checkedId(e.value(), values);
        }
        String description = f.string("description");
        boolean reconcileKind = ReconcileMapper.isReconcile(f, values);
        String connection = reconcileKind ? null : connection(f.get("connection"));
        Schedule schedule = schedule(f.get("schedule"));
        RequestSpec request = null;
        if (!reconcileKind && f.require("request"))
            request = new RequestMapper(values).map(f.get("request"), f.has("connection"));
        ReconcileDefinition reconcile = new ReconcileMapper(file, values, this::connection).map(f, reconcileKind);
        Expectations expect = new ExpectMapper(file, values).map(reconcileKind ? null : f.get("expect"));
        AlertSpec alert = alert(f.get("alert"));
        var labels = values.stringMap(f.get("labels"));
        var runbook = values.httpUrl(f.get("runbook"));
        // Any problem in the document, substitution failures included, means no definition.
        if (!values.problems().isEmpty()) return new Mapped(id, source, null);
        var probe = new ProbeDefinition(
                id,
                description,
                connection,
                schedule,
                request,
                expect,
                alert,
                labels,
                runbook == null ? null : runbook.toString(),
                source,
                reconcile);
        return new Mapped(id, source, probe);
    }

    /** A valid id, or null (reported). */
    static String checkedId(YamlNode node, Values values) {
        String id = values.string(node);
        if (id != null && !ID.matcher(id).matches()) {
            values.expected(node, ID_RULE);
            return null;
        }
        return id;
    }

    private String connection(YamlNode node) {
        String name = values.string(node);
        if (name == null || connectionIds.contains(name)) return name;
        String known = connectionIds.isEmpty()
                ? "no connection files found"
                : "known connections: " + String.join(", ", new TreeSet<>(connectionIds));
        values.problems().at(node, "unknown connection '" + name + "' (" + known + ")");
        return null;
    }

    private Schedule schedule(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("schedule"), "", values);
        if (f == null) return node == null ? DEFAULT_SCHEDULE : null;
        boolean every = f.has("every");
        boolean cron = f.has("cron");
        if (every == cron) {
            values.problems()
                    .at(node, "expected exactly one of 'every' or 'cron', got " + (every ? "both" : "neither"));
            return null;
        }
        if (every) {
            if (f.has("zone")) values.problems().at(f.get("zone"), "applies only to 'cron' schedules");
            Duration interval = values.duration(f.get("every"), true);
            return interval == null ? null : new Schedule.Every(interval);
        }
        String expression = Syntax.cron(f.get("cron"), values);
        ZoneId zone = f.has("zone") ? Syntax.zone(f.get("zone"), values) : DEFAULT_ZONE;
        return expression == null || zone == null ? null : new Schedule.Cron(expression, zone);
    }

    private AlertSpec alert(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("alert"), "", values);
        if (f == null) return null;
        String severity = values.oneOf(f.get("severity"), SEVERITIES);
        String route = f.string("route");
        return new AlertSpec(severity == null ? AlertSpec.DEFAULT.severity() : severity, route);
    }
}
