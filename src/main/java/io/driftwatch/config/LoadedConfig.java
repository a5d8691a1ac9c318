package io.driftwatch.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything {@link ConfigLoader#load} read from a probes folder.
 *
 * <p>A file loads all or nothing: a probe file with any problem contributes no probe, and a connection file
 * with a problem contributes no connection, so a hot reloader can keep the last good version of exactly the
 * broken files ({@link #filesWithProblems()}, {@link #probeIdsByFile()} of its previous load). A probe may
 * therefore name a connection whose file is broken and absent from {@link #connections()}; that is not
 * reported twice.
 *
 * @param probes the probes of files without problems, in file order (paths sorted), then document order
 * @param connections connection id to connection, sorted by id
 * @param problems every problem in every file, sorted by file, line and column; empty means valid
 * @param probeIdsByFile every probe file read (paths as found under the folder) to the ids of its probes in
 *     {@code probes}; an empty list for a file with problems
 * @param secretValues values the redactor must mask everywhere: every resolved {@link Secret}, and every
 *     value substituted from an environment variable whose name contains SECRET, TOKEN, PASSWORD, PASSWD, KEY
 *     or CREDENTIAL (at least 4 characters). Never printed by {@link #toString()}.
 */
public record LoadedConfig(
        List<ProbeDefinition> probes,
        Map<String, ConnectionDefinition> connections,
        List<ConfigProblem> problems,
        Map<Path, List<String>> probeIdsByFile,
        Set<String> secretValues) {

    public LoadedConfig {
        probes = List.copyOf(probes);
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
        problems = List.copyOf(problems);
        Map<Path, List<String>> ids = new LinkedHashMap<>();
        probeIdsByFile.forEach((file, list) -> ids.put(file, List.copyOf(list)));
        probeIdsByFile = Collections.unmodifiableMap(ids);
        secretValues = Collections.unmodifiableSet(new LinkedHashSet<>(secretValues));
    }

    /** True when no file had a problem. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The files at least one problem is about, sorted. */
    public Set<Path> filesWithProblems() {
        Set<Path> files = new TreeSet<>();
        for (ConfigProblem p : problems) files.add(p.file());
        return Collections.unmodifiableSet(files);
    }

    public Optional<ProbeDefinition> probe(String id) {
        return probes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Counts only: the secret values must never reach a log line through this record. */
    @Override
    public String toString() {
        return "LoadedConfig[probes=" + probes.size() + ", connections=" + connections.size() + ", problems="
                + problems.size() + ", files=" + probeIdsByFile.size() + ", secretValues=" + secretValues.size()
                + "]";
    }
}
