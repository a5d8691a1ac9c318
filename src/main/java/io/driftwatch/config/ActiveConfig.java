package io.driftwatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration the daemon runs, folded from successive loads. A file with problems keeps its last
 * good version (its probes or connection stay as they were); every other file takes effect as loaded, a
 * deleted file's probes go away. Immutable; {@link #apply} returns the next state and what changed.
 */
public record ActiveConfig(
        Map<String, ProbeDefinition> probes,
        Map<String, ConnectionDefinition> connections,
        Map<Path, List<String>> probeIdsByFile,
        Map<Path, ConnectionDefinition> connectionsByFile) {

    public static final ActiveConfig EMPTY = new ActiveConfig(Map.of(), Map.of(), Map.of(), Map.of());

    /** What a reload changed. {@code problems} is every problem found, in file order. */
    public record Change(
            ActiveConfig next,
            List<ProbeDefinition> added,
            List<ProbeDefinition> changed,
            List<String> removed,
            List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Change apply(LoadedConfig loaded) {
        Set<Path> broken = new HashSet<>();
        for (ConfigProblem p : loaded.problems()) broken.add(p.file());

        // Connections: by file, keeping the last good definition of a broken file.
        Map<Path, ConnectionDefinition> connByFile = new LinkedHashMap<>();
        for (ConnectionDefinition c : loaded.connections().values()) {
            Path file = c.source().file();
            if (!broken.contains(file)) connByFile.put(file, c);
        }
        connectionsByFile.forEach((file, c) -> {
            if (broken.contains(file)) connByFile.putIfAbsent(file, c);
        });
        Map<String, ConnectionDefinition> conns = new LinkedHashMap<>();
        connByFile.values().forEach(c -> conns.put(c.id(), c));

        // Probes: by file, same rule.
        Map<String, ProbeDefinition> loadedById = new HashMap<>();
        loaded.probes().forEach(p -> loadedById.put(p.id(), p));
        Map<Path, List<String>> idsByFile = new LinkedHashMap<>();
        Map<String, ProbeDefinition> next = new LinkedHashMap<>();
        loaded.probeIdsByFile().forEach((file, ids) -> {
            if (broken.contains(file)) return;
            List<String> kept = new ArrayList<>();
            for (String id : ids) {
                ProbeDefinition p = loadedById.get(id);
                if (p != null && !next.containsKey(id)) {
                    next.put(id, p);
                    kept.add(id);
                }
            }
            idsByFile.put(file, kept);
        });
        probeIdsByFile.forEach((file, ids) -> {
            if (!broken.contains(file)) return;
            List<String> kept = new ArrayList<>();
            for (String id : ids) {
                ProbeDefinition old = probes.get(id);
                if (old != null && !next.containsKey(id)) {
                    next.put(id, old);
                    kept.add(id);
                }
            }
            idsByFile.put(file, kept);
        });

        List<ProbeDefinition> added = new ArrayList<>();
        List<ProbeDefinition> changed = new ArrayList<>();
        for (ProbeDefinition p : next.values()) {
            ProbeDefinition old = probes.get(p.id());
            if (old == null) added.add(p);
            else if (!sameDefinition(old, p) || connectionChanged(p.connection(), conns) || sidesChanged(p, conns))
                changed.add(p);
        }
        List<String> removed =
                probes.keySet().stream().filter(id -> !next.containsKey(id)).toList();
        List<ConfigProblem> problems = loaded.problems().stream().sorted().toList();
        ActiveConfig state = new ActiveConfig(
                java.util.Collections.unmodifiableMap(next),
                Map.copyOf(conns),
                Map.copyOf(idsByFile),
                Map.copyOf(connByFile));
        return new Change(state, added, changed, removed, problems);
    }

    /** Equal ignoring where the probe sits in its file (moving lines is not a change). */
    private static boolean sameDefinition(ProbeDefinition a, ProbeDefinition b) {
        return Objects.equals(a.description(), b.description())
                && Objects.equals(a.connection(), b.connection())
                && Objects.equals(a.schedule(), b.schedule())
                && Objects.equals(a.request(), b.request())
                && Objects.equals(a.expect(), b.expect())
                && Objects.equals(a.alert(), b.alert())
                && Objects.equals(a.labels(), b.labels())
                && Objects.equals(a.runbook(), b.runbook())
                && Objects.equals(a.reconcile(), b.reconcile())
                && Objects.equals(a.source().file(), b.source().file());
    }

    /** A reconcile probe uses a connection per side. */
    private boolean sidesChanged(ProbeDefinition p, Map<String, ConnectionDefinition> next) {
        if (p.reconcile() == null) return false;
        String source = p.reconcile().source().connection();
        String target = p.reconcile().target().connection();
        return (source != null && connectionChanged(source, next))
                || (target != null && connectionChanged(target, next));
    }

    /** False for a probe without a connection (an absolute URL, or a reconcile probe's own level). */
    private boolean connectionChanged(String id, Map<String, ConnectionDefinition> next) {
        if (id == null) return false;
        ConnectionDefinition before = connections.get(id);
        ConnectionDefinition after = next.get(id);
        if (before == null || after == null) return before != after;
        return !Objects.equals(before.baseUrl(), after.baseUrl())
                || !Objects.equals(before.headers(), after.headers())
                || !Objects.equals(before.auth(), after.auth())
                || before.maxConcurrency() != after.maxConcurrency()
                || before.reuseConnections() != after.reuseConnections()
                || !Objects.equals(before.settings(), after.settings())
                || !Objects.equals(before.vendor(), after.vendor());
    }
}
