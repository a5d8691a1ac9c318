package io.driftwatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Loads a probes folder: connection files under {@code connections/}, probe files everywhere else (any
 * depth, {@code *.yaml} or {@code *.yml}; a probe file may hold several probes as YAML documents separated by
 * {@code ---}). Environment variables are substituted in every value first. Every problem in every file is
 * reported as {@code file:line:col: message}, with paths as given (relative when {@code probesDir} is).
 * Never throws for bad content. Thread-safe; the JSON Schemas are compiled once per JVM.
 */
public final class ConfigLoader {

    public static final String CONNECTIONS_DIR = "connections";

    public LoadedConfig load(Path probesDir, Map<String, String> env) {
        return load(probesDir, env, Integer.MAX_VALUE, prefix -> {});
    }

    /**
     * {@link #load(Path, Map)} in two steps when the folder has more than {@code prefixFiles} probe files:
     * the first {@code prefixFiles} probe files in path order are read first, and {@code onPrefix} gets what
     * a folder of only them and every connection file loads; then the rest are read and the whole folder's
     * result is returned, the same as {@link #load(Path, Map)} gives. Each file is read once. With at most
     * {@code prefixFiles} probe files (or an unreadable folder), {@code onPrefix} is not called.
     *
     * <p>Contract: every probe the prefix accepts, the whole folder accepts with the same definition, and
     * every file the prefix finds a problem in has the same problems in the whole folder (up to masking,
     * below). A duplicate id is the later file's problem (first wins in path order), so a file after the
     * prefix that repeats a prefix probe's id is the one rejected, and a file's other problems are its own.
     * A caller may therefore run the prefix's probes while the rest is read: the whole load adds to them
     * and never changes or removes one. The prefix's problems are masked with the secrets known from the
     * prefix only, so they are not for printing; the whole load's are.
     *
     * @param onPrefix called on the calling thread, before the rest of the files are read
     */
    public LoadedConfig load(
            Path probesDir, Map<String, String> env, int prefixFiles, Consumer<LoadedConfig> onPrefix) {
        if (prefixFiles < 0) throw new IllegalArgumentException("prefixFiles must not be negative: " + prefixFiles);
        Set<String> secrets = new LinkedHashSet<>();
        List<ConfigProblem> problems = new ArrayList<>();
        List<Path> files;
        try {
            files = Files.isDirectory(probesDir) ? ConfigFiles.yamlFiles(probesDir) : null;
        } catch (IOException e) {
            files = null;
        }
        if (files == null) {
            problems.add(new ConfigProblem(probesDir, 1, 1, "cannot read probes folder: not a readable directory"));
            return new LoadedConfig(List.of(), Map.of(), problems, Map.of(), secrets);
        }
        Path connectionsDir = probesDir.resolve(CONNECTIONS_DIR);
        List<Path> connectionFiles =
                files.stream().filter(f -> f.startsWith(connectionsDir)).toList();
        List<Path> probeFiles =
                files.stream().filter(f -> !f.startsWith(connectionsDir)).toList();

        Map<String, ConnectionDefinition> connections = new TreeMap<>();
        Set<String> connectionIds = loadConnections(connectionFiles, env, connections, problems, secrets);

        List<ProbeFile> read = new ArrayList<>(probeFiles.size());
        if (probeFiles.size() > prefixFiles) {
            read.addAll(readProbeFiles(probeFiles.subList(0, prefixFiles), env, connectionIds));
            onPrefix.accept(fold(read, connections, problems, secrets));
        }
        read.addAll(readProbeFiles(probeFiles.subList(read.size(), probeFiles.size()), env, connectionIds));
        return fold(read, connections, problems, secrets);
    }

    private static List<ProbeFile> readProbeFiles(
            List<Path> files, Map<String, String> env, Set<String> connectionIds) {
        return files.parallelStream()
                .map(f -> readProbeFile(f, env, connectionIds))
                .toList();
    }

    /**
     * The probes of {@code read} (in path order) after the connections: a probe id already defined in an
     * earlier file is a problem of the later file, and a file with any problem contributes no probe.
     */
    private static LoadedConfig fold(
            List<ProbeFile> read,
            Map<String, ConnectionDefinition> connections,
            List<ConfigProblem> connectionProblems,
            Set<String> connectionSecrets) {
        List<ConfigProblem> problems = new ArrayList<>(connectionProblems);
        Set<String> secrets = new LinkedHashSet<>(connectionSecrets);
        List<ProbeDefinition> probes = new ArrayList<>();
        Map<Path, List<String>> idsByFile = new LinkedHashMap<>();
        Map<String, SourceLocation> firstById = new HashMap<>();
        for (ProbeFile pf : read) {
            List<ConfigProblem> fileProblems = new ArrayList<>(pf.problems());
            for (ProbeMapper.Mapped m : pf.mapped()) {
                if (m.id() == null) continue;
                SourceLocation first = firstById.putIfAbsent(m.id(), m.source());
                if (first != null) {
                    fileProblems.add(new ConfigProblem(
                            m.source().file(),
                            m.source().line(),
                            m.source().column(),
                            "duplicate probe id '" + m.id() + "' (first defined at " + first + ")"));
                }
            }
            List<String> ids = new ArrayList<>();
            if (fileProblems.isEmpty()) {
                for (ProbeMapper.Mapped m : pf.mapped()) {
                    probes.add(m.definition());
                    ids.add(m.id());
                }
            }
            idsByFile.put(pf.file(), ids);
            problems.addAll(fileProblems);
            secrets.addAll(pf.secrets());
        }
        return finish(probes, connections, problems, idsByFile, secrets);
    }

    /**
     * Loads one probe file on its own, against known connection ids: for a reloader reacting to one changed
     * file. Ids are not checked against other files; the caller does that against its current probes.
     */
    public LoadedConfig loadProbeFile(Path file, Map<String, String> env, Set<String> connectionIds) {
        ProbeFile pf = readProbeFile(file, env, connectionIds);
        List<ProbeDefinition> probes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        if (pf.problems().isEmpty()) {
            for (ProbeMapper.Mapped m : pf.mapped()) {
                probes.add(m.definition());
                ids.add(m.id());
            }
        }
        Map<Path, List<String>> idsByFile = Map.of(file, ids);
        return finish(probes, Map.of(), new ArrayList<>(pf.problems()), idsByFile, new LinkedHashSet<>(pf.secrets()));
    }

    private static LoadedConfig finish(
            List<ProbeDefinition> probes,
            Map<String, ConnectionDefinition> connections,
            List<ConfigProblem> problems,
            Map<Path, List<String>> idsByFile,
            Set<String> secrets) {
        List<ConfigProblem> redacted = Redaction.redact(problems, secrets);
        redacted.sort(Comparator.naturalOrder());
        return new LoadedConfig(probes, connections, redacted, idsByFile, secrets);
    }

    /** One probe file's documents, mapped; {@code problems} holds every problem of the file. */
    private record ProbeFile(
            Path file, List<ProbeMapper.Mapped> mapped, List<ConfigProblem> problems, Set<String> secrets) {}

    private static ProbeFile readProbeFile(Path file, Map<String, String> env, Set<String> connectionIds) {
        Set<String> secrets = new LinkedHashSet<>();
        List<ProbeMapper.Mapped> mapped = new ArrayList<>();
        Problems fileProblems = new Problems();
        String text = ConfigFiles.read(file, fileProblems);
        List<ConfigProblem> problems = new ArrayList<>();
        if (text != null) {
            List<YamlDocuments.Document> docs = YamlDocuments.parse(text, env, secrets);
            if (docs.isEmpty()) fileProblems.add(1, 1, "", "empty file (expected a probe definition)");
            for (YamlDocuments.Document doc : docs) {
                if (doc.root() != null) {
                    mapped.add(new ProbeMapper(file, connectionIds, doc.problems()).map(doc.root()));
                    SchemaCheck.validate(SchemaCheck.Kind.PROBE, doc.root(), doc.problems());
                }
                problems.addAll(doc.problems().toConfigProblems(file));
            }
        }
        problems.addAll(fileProblems.toConfigProblems(file));
        return new ProbeFile(file, mapped, problems, secrets);
    }

    /**
     * Loads connection files in path order. Returns every declared id, broken files' included (a file that
     * cannot be read as a connection at all declares its file name), so that probes naming a broken
     * connection are not reported a second time.
     */
    private static Set<String> loadConnections(
            List<Path> files,
            Map<String, String> env,
            Map<String, ConnectionDefinition> out,
            List<ConfigProblem> problems,
            Set<String> secrets) {
        Map<String, SourceLocation> firstById = new HashMap<>();
        Set<String> declared = new HashSet<>();
        for (Path file : files) {
            List<ConfigProblem> found = new ArrayList<>();
            ConnectionMapper.Mapped mapped = readConnectionFile(file, env, found, secrets);
            if (mapped == null || mapped.id() == null) {
                declared.add(ConnectionMapper.idFromFileName(file));
            } else {
                declared.add(mapped.id());
                SourceLocation first = firstById.putIfAbsent(mapped.id(), mapped.source());
                if (first != null) {
                    SourceLocation at = mapped.source();
                    found.add(new ConfigProblem(
                            file,
                            at.line(),
                            at.column(),
                            "duplicate connection id '" + mapped.id() + "' (first defined at " + first + ")"));
                }
            }
            if (found.isEmpty() && mapped != null && mapped.definition() != null) {
                out.put(mapped.id(), mapped.definition());
            }
            problems.addAll(found);
        }
        return Set.copyOf(declared);
    }

    /** The file's connection, or null when there is none to read; adds every problem to {@code found}. */
    private static ConnectionMapper.Mapped readConnectionFile(
            Path file, Map<String, String> env, List<ConfigProblem> found, Set<String> secrets) {
        Problems fileProblems = new Problems();
        String text = ConfigFiles.read(file, fileProblems);
        ConnectionMapper.Mapped mapped = null;
        if (text != null) {
            List<YamlDocuments.Document> docs = YamlDocuments.parse(text, env, secrets);
            if (docs.isEmpty()) fileProblems.add(1, 1, "", "empty file (expected a connection definition)");
            for (YamlDocuments.Document doc : docs) {
                YamlNode root = doc.root();
                if (root != null && mapped != null) {
                    doc.problems()
                            .add(
                                    root.line(),
                                    root.column(),
                                    "",
                                    "a connection file holds one connection; move this document to a file of its own");
                } else if (root != null) {
                    mapped = new ConnectionMapper(file, doc.problems(), secrets).map(root);
                    SchemaCheck.validate(SchemaCheck.Kind.CONNECTION, root, doc.problems());
                }
                found.addAll(doc.problems().toConfigProblems(file));
            }
        }
        found.addAll(fileProblems.toConfigProblems(file));
        return mapped;
    }
}
