package io.driftwatch.alert.config;

import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.channel.ChannelSpec;
import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Loads every {@code *.yaml} / {@code *.yml} file under {@code alerting/} (sorted by path) into one
 * {@link AlertingConfig}. Each file may hold any of the top-level sections {@code settings},
 * {@code defaults}, {@code channels}, {@code routes}, {@code maintenance} and {@code silences};
 * {@code settings} and {@code defaults} may appear in one file only. Every problem in every file is
 * reported as {@code file:line:col: message}; the config is only usable when there are none.
 */
public final class AlertingLoader {
    static final List<String> SECTIONS =
            List.of("settings", "defaults", "channels", "routes", "maintenance", "silences");

    private final ChannelRegistry registry;

    public AlertingLoader(ChannelRegistry registry) {
        this.registry = registry;
    }

    public record Result(AlertingConfig config, List<ConfigProblem> problems) {
        public Result {
            problems = problems.stream().sorted().toList();
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Loads a directory; a missing directory is an empty config (alerting is optional). */
    public Result loadDirectory(Path dir, Map<String, String> env) {
        if (!Files.isDirectory(dir)) return new Result(AlertingConfig.EMPTY, List.of());
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
            return loadFiles(files, env);
        } catch (IOException e) {
            return new Result(
                    AlertingConfig.EMPTY,
                    List.of(new ConfigProblem(dir, 0, 0, "cannot read directory: " + e.getMessage())));
        }
    }

    public Result loadFiles(List<Path> files, Map<String, String> env) {
        var problems = new ArrayList<ConfigProblem>();
        var state = new Merged();
        for (Path file : files) {
            YamlNodes y = new YamlNodes(file, env, problems);
            Node root;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = new Yaml(new LoaderOptions()).compose(reader);
            } catch (MarkedYAMLException e) {
                var mark = e.getProblemMark();
                problems.add(new ConfigProblem(
                        file, mark.getLine() + 1, mark.getColumn() + 1, "invalid YAML: " + e.getProblem()));
                continue;
            } catch (IOException | RuntimeException e) {
                problems.add(new ConfigProblem(file, 1, 1, "cannot read file: " + e.getMessage()));
                continue;
            }
            if (root != null) readFile(y, root, state);
        }
        crossCheck(state, problems);
        var settings = state.settings == null
                ? new RuleReader.Settings(AlertingConfig.DEFAULT_PUBLIC_URL, null, DeliverySettings.DEFAULT)
                : state.settings;
        var config = new AlertingConfig(
                settings.publicUrl(),
                settings.grafanaUrl(),
                state.defaults == null ? Thresholds.DEFAULT : state.defaults,
                state.defaultChannels,
                new ArrayList<>(state.channels.values()),
                state.routes,
                state.maintenance,
                state.silences,
                settings.delivery());
        return new Result(config, problems);
    }

    /** Sections gathered across files, with where each name was first defined. */
    private static final class Merged {
        RuleReader.Settings settings;
        SourceLocation settingsAt;
        Thresholds defaults;
        SourceLocation defaultsAt;
        final List<String> defaultChannels = new ArrayList<>();
        SourceLocation defaultChannelsAt;
        final Map<String, ChannelSpec> channels = new LinkedHashMap<>();
        final Map<String, SourceLocation> channelsAt = new LinkedHashMap<>();
        final List<Route> routes = new ArrayList<>();
        final List<MaintenanceWindow> maintenance = new ArrayList<>();
        final List<Silence> silences = new ArrayList<>();
    }

    private void readFile(YamlNodes y, Node root, Merged m) {
        Map<String, NodeTuple> sections = y.mapping(root, "an alerting file", SECTIONS);
        for (var entry : sections.entrySet()) {
            Node key = entry.getValue().getKeyNode();
            Node value = entry.getValue().getValueNode();
            switch (entry.getKey()) {
                case "settings" -> {
                    if (m.settings != null) y.problem(key, "'settings' is already defined at " + m.settingsAt);
                    else {
                        m.settings = RuleReader.settings(y, value);
                        m.settingsAt = y.location(key);
                    }
                }
                case "defaults" -> {
                    if (m.defaults != null) y.problem(key, "'defaults' is already defined at " + m.defaultsAt);
                    else {
                        m.defaults = RuleReader.defaults(y, value, m.defaultChannels);
                        m.defaultsAt = y.location(key);
                        m.defaultChannelsAt = y.location(value);
                    }
                }
                case "channels" ->
                    y.mapping(value, "'channels'", null).forEach((name, tuple) -> {
                        SourceLocation at = y.location(tuple.getKeyNode());
                        if (m.channelsAt.containsKey(name)) {
                            y.problem(
                                    tuple.getKeyNode(),
                                    "channel '" + name + "' is already defined at " + m.channelsAt.get(name));
                            return;
                        }
                        m.channelsAt.put(name, at);
                        ChannelSpec spec = new ChannelReader(registry).read(y, name, tuple.getValueNode());
                        if (spec != null) m.channels.put(name, spec);
                    });
                case "routes" -> {
                    List<Node> items = y.sequence(value, "routes");
                    for (int i = 0; i < items.size(); i++)
                        m.routes.add(RuleReader.route(y, items.get(i), m.routes.size()));
                }
                case "maintenance" -> {
                    for (Node item : y.sequence(value, "maintenance")) {
                        MaintenanceWindow w = WindowReader.maintenance(y, item, m.maintenance.size());
                        if (w != null) m.maintenance.add(w);
                    }
                }
                case "silences" -> {
                    for (Node item : y.sequence(value, "silences")) {
                        Silence s = WindowReader.silence(y, item, m.silences.size());
                        if (s != null) m.silences.add(s);
                    }
                }
                default -> throw new IllegalStateException("unhandled section " + entry.getKey());
            }
        }
    }

    /** Names that refer across sections and files: route names unique, channels defined. */
    private static void crossCheck(Merged m, List<ConfigProblem> problems) {
        var routeNames = new LinkedHashMap<String, SourceLocation>();
        for (Route r : m.routes) {
            SourceLocation first = routeNames.putIfAbsent(r.name(), r.source());
            if (first != null) problems.add(at(r.source(), "route '" + r.name() + "' is already defined at " + first));
            for (String channel : r.channels()) {
                if (!m.channelsAt.containsKey(channel))
                    problems.add(at(r.source(), "route '" + r.name() + "' uses unknown channel '" + channel + "'"));
            }
        }
        for (String channel : m.defaultChannels) {
            if (!m.channelsAt.containsKey(channel))
                problems.add(at(m.defaultChannelsAt, "defaults use unknown channel '" + channel + "'"));
        }
    }

    private static ConfigProblem at(SourceLocation where, String message) {
        return new ConfigProblem(where.file(), where.line(), where.column(), message);
    }
}
