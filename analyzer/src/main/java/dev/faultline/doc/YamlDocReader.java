package dev.faultline.doc;

import dev.faultline.report.Location;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML safely into a {@link DocNode} tree. The document is only composed, never constructed,
 * so no tag can instantiate a type; tags other than YAML's standard ones are rejected; duplicate
 * keys, recursive keys, deep nesting and alias bombs fail with the line where they occur.
 *
 * <p>The composer is driven directly, as {@code Yaml.compose} does, without building a {@code Yaml}
 * facade: its constructor and representer are never used here, and creating them loads bean
 * introspection, {@code java.util.logging} and time zones on every start.
 */
public final class YamlDocReader {
    private static final Set<Tag> STANDARD_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.MAP, Tag.SEQ, Tag.TIMESTAMP, Tag.BINARY, Tag.MERGE, Tag.OMAP, Tag.PAIRS, Tag.SET);
    private final ReadLimits limits;

    public YamlDocReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Parses {@code text}, the content of {@code path}; an empty document is an empty map. */
    public DocNode read(String path, String text) throws DocException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.maxFileBytes())));
        options.setProcessComments(false);
        Node root;
        try {
            StreamReader reader = new StreamReader(ParseBudget.interruptible(new StringReader(text)));
            root = new Composer(new ParserImpl(reader, options), new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                problem = e.getContext() + ": " + problem;
            }
            throw new DocException("invalid YAML: " + oneLine(problem), at(path, m));
        } catch (YAMLException e) {
            throw new DocException("invalid YAML: " + oneLine(e.getMessage()), Location.file(path));
        } catch (StackOverflowError e) {
            throw new DocException("YAML nested too deeply", Location.file(path));
        }
        if (root == null) {
            return new DocMap(Location.at(path, 1, 1), List.of());
        }
        return convert(root, path, "", new int[] {limits.maxNodes()}, new IdentityHashMap<>(), 0);
    }

    private DocNode convert(Node node, String path, String pointer, int[] budget, Map<Node, Boolean> onStack, int depth)
            throws DocException {
        Location where = at(path, node.getStartMark()).withPointer(pointer);
        if (--budget[0] < 0) {
            throw new DocException("document has more than " + limits.maxNodes() + " nodes (alias expansion?)", where);
        }
        if (depth > limits.maxDepth()) {
            throw new DocException("YAML nested deeper than " + limits.maxDepth(), where);
        }
        ParseBudget.checkNotAbandoned(path);
        if (!STANDARD_TAGS.contains(node.getTag())) {
            throw new DocException("YAML tag " + node.getTag().getValue() + " is not allowed (only standard tags are read)", where);
        }
        if (onStack.put(node, Boolean.TRUE) != null) {
            throw new DocException("recursive YAML alias", where);
        }
        try {
            if (node instanceof ScalarNode s) {
                return new DocScalar(where, s.getValue(), scalarKind(s));
            }
            if (node instanceof SequenceNode seq) {
                List<DocNode> items = new ArrayList<>();
                int i = 0;
                for (Node child : seq.getValue()) {
                    items.add(convert(child, path, JsonPointer.child(pointer, i++), budget, onStack, depth + 1));
                }
                return new DocList(where, items);
            }
            MappingNode map = (MappingNode) node;
            List<DocMap.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Location keyAt = at(path, keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode k)) {
                    throw new DocException("only scalar keys are supported", keyAt);
                }
                if (k.getTag().equals(Tag.MERGE)) {
                    throw new DocException("YAML merge keys (<<) are not supported", keyAt);
                }
                if (!seen.add(k.getValue())) {
                    throw new DocException("duplicate key '" + k.getValue() + "'", keyAt);
                }
                entries.add(new DocMap.Entry(k.getValue(), keyAt,
                        convert(tuple.getValueNode(), path, JsonPointer.child(pointer, k.getValue()), budget, onStack, depth + 1)));
            }
            return new DocMap(where, entries);
        } finally {
            onStack.remove(node);
        }
    }

    private static DocScalar.Kind scalarKind(ScalarNode s) {
        Tag t = s.getTag();
        if (t.equals(Tag.BOOL)) {
            return DocScalar.Kind.BOOLEAN;
        }
        if (t.equals(Tag.INT) || t.equals(Tag.FLOAT)) {
            return DocScalar.Kind.NUMBER;
        }
        if (t.equals(Tag.NULL)) {
            return DocScalar.Kind.NULL;
        }
        return DocScalar.Kind.STRING;
    }

    private static Location at(String path, Mark m) {
        return m == null ? Location.file(path) : Location.at(path, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
    }
}
