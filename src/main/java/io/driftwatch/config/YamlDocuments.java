package io.driftwatch.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses one file's text into {@link YamlNode} trees, one per YAML document, with SnakeYAML's node API (so
 * every node keeps its line and column), substituting environment variables in every scalar value. Reports
 * syntax errors, duplicate keys and missing variables; never throws for bad input.
 */
final class YamlDocuments {

    /**
     * One document. {@code root} is null for the pseudo-document that carries a syntax error. Empty documents
     * (a stray {@code ---}) are left out.
     */
    record Document(YamlNode root, Problems problems) {}

    /** Read-only after construction, so one instance serves all threads. */
    private static final Resolver RESOLVER = new Resolver();

    private static final int MAX_DEPTH = 64;

    private final Map<String, String> env;
    private final Set<String> secretSink;
    private Problems problems;

    private YamlDocuments(Map<String, String> env, Set<String> secretSink) {
        this.env = env;
        this.secretSink = secretSink;
    }

    /**
     * @param secretSink receives the values of secret-named environment variables substituted into the text
     */
    static List<Document> parse(String text, Map<String, String> env, Set<String> secretSink) {
        return new YamlDocuments(env, secretSink).parseAll(text);
    }

    private List<Document> parseAll(String text) {
        List<Document> docs = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node instanceof ScalarNode s
                        && s.getTag().equals(Tag.NULL)
                        && s.getValue().isEmpty()) continue;
                problems = new Problems();
                YamlNode root = convert(node, "", 0);
                docs.add(new Document(root, problems));
            }
        } catch (MarkedYAMLException e) {
            docs.add(syntaxError(e));
        } catch (YAMLException e) {
            // Limits (aliases, code points, nesting) carry no mark; point at the top of the file.
            Problems p = new Problems();
            p.add(1, 1, "", "invalid YAML: " + e.getMessage());
            docs.add(new Document(null, p));
        }
        return docs;
    }

    private static Document syntaxError(MarkedYAMLException e) {
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        StringBuilder msg = new StringBuilder("invalid YAML: ").append(e.getProblem());
        if (e.getContext() != null) {
            msg.append(" (").append(e.getContext());
            Mark c = e.getContextMark();
            if (c != null && (at == null || c.getLine() != at.getLine() || c.getColumn() != at.getColumn())) {
                msg.append(" started at line ")
                        .append(c.getLine() + 1)
                        .append(", column ")
                        .append(c.getColumn() + 1);
            }
            msg.append(')');
        }
        Problems p = new Problems();
        p.add(at == null ? 1 : at.getLine() + 1, at == null ? 1 : at.getColumn() + 1, "", msg.toString());
        return new Document(null, p);
    }

    private YamlNode convert(Node node, String path, int depth) {
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        if (depth > MAX_DEPTH) {
            problems.add(line, column, path, Problems.prefixed(path, "nesting deeper than " + MAX_DEPTH + " levels"));
            return new YamlNode.Scalar("", YamlNode.Kind.NULL, true, line, column, path);
        }
        return switch (node) {
            case ScalarNode s -> scalar(s, path, line, column);
            case SequenceNode s -> {
                List<YamlNode> items = new ArrayList<>(s.getValue().size());
                for (Node item : s.getValue()) items.add(convert(item, YamlNode.item(path, items.size()), depth + 1));
                yield new YamlNode.Sequence(List.copyOf(items), line, column, path);
            }
            case MappingNode m -> mapping(m, path, line, column, depth);
            default -> throw new IllegalStateException("unexpected YAML node " + node.getNodeId());
        };
    }

    private YamlNode scalar(ScalarNode s, String path, int line, int column) {
        String raw = s.getValue();
        EnvSubstitution.Result r = EnvSubstitution.substitute(raw, env, path.isEmpty() ? "document" : path);
        for (String error : r.errors()) problems.add(line, column, path, error);
        secretSink.addAll(r.secretValues());
        Tag tag = s.getTag();
        // A plain scalar like ${PORT} resolved as a string before substitution; type it by its new text.
        if (s.isPlain() && r.changed(raw)) tag = RESOLVER.resolve(NodeId.scalar, r.value(), true);
        return new YamlNode.Scalar(r.value(), kind(tag), !r.errors().isEmpty(), line, column, path);
    }

    private static YamlNode.Kind kind(Tag tag) {
        if (tag.equals(Tag.INT)) return YamlNode.Kind.INT;
        if (tag.equals(Tag.FLOAT)) return YamlNode.Kind.FLOAT;
        if (tag.equals(Tag.BOOL)) return YamlNode.Kind.BOOL;
        if (tag.equals(Tag.NULL)) return YamlNode.Kind.NULL;
        return YamlNode.Kind.STRING;
    }

    private YamlNode mapping(MappingNode m, String path, int line, int column, int depth) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        List<Node> merges = new ArrayList<>(0);
        for (NodeTuple t : m.getValue()) {
            Node keyNode = t.getKeyNode();
            int kl = keyNode.getStartMark().getLine() + 1;
            int kc = keyNode.getStartMark().getColumn() + 1;
            if (keyNode.getTag().equals(Tag.MERGE)) {
                merges.add(t.getValueNode());
                continue;
            }
            if (!(keyNode instanceof ScalarNode ks)) {
                problems.add(kl, kc, path, Problems.prefixed(path, "keys must be plain strings, got a complex key"));
                continue;
            }
            String key = ks.getValue();
            String childPath = YamlNode.child(path, key);
            YamlNode.Entry first = entries.get(key);
            if (first != null) {
                String in = path.isEmpty() ? "" : " in " + path;
                problems.add(
                        kl,
                        kc,
                        childPath,
                        "duplicate key '" + key + "'" + in + " (first at line " + first.keyLine() + ")");
                continue;
            }
            entries.put(key, new YamlNode.Entry(key, kl, kc, convert(t.getValueNode(), childPath, depth + 1)));
        }
        for (Node merge : merges) mergeInto(entries, merge, path, depth);
        return new YamlNode.Mapping(entries, line, column, path);
    }

    /** YAML merge keys ({@code <<: *defaults}): explicit keys win over merged ones, earlier merges over later. */
    private void mergeInto(Map<String, YamlNode.Entry> entries, Node merge, String path, int depth) {
        List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
        for (Node source : sources) {
            if (!(source instanceof MappingNode sm)) {
                Mark at = source.getStartMark();
                problems.add(
                        at.getLine() + 1,
                        at.getColumn() + 1,
                        path,
                        Problems.prefixed(path, "'<<' must refer to a mapping or a list of mappings"));
                continue;
            }
            YamlNode.Mapping merged = (YamlNode.Mapping) mapping(sm, path, 0, 0, depth + 1);
            merged.entries().forEach(entries::putIfAbsent);
        }
    }
}
