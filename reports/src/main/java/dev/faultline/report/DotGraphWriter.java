package dev.faultline.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The capability graph in Graphviz DOT, written by hand: agents in clusters with their entry
 * points, tools grouped by toolset (labelled with their server when one is known) and coloured by
 * blast radius, credentials as notes, and taint paths in bold red. Node ids are {@code n0},
 * {@code n1}, ... in report order (agents with their entry points, tools, credentials); every id and
 * label is quoted and passed through {@link #escape}. Above {@link #COLLAPSE_ABOVE} tools, the
 * tools of each toolset are drawn as one node per blast-radius class (the tables of the other
 * reports name them), and edges lose their labels; the legend says what the colours mean.
 *
 * <p>{@link #writeDiff} draws the union of two reports: nodes (matched by agent name, entry point,
 * tool id and credential name) and edges only in the head in green and marked {@code +}, those only
 * in the base grey and dashed and marked {@code -}. Unchanged tools still collapse, added, removed
 * and reclassified ones never do. {@link #write} is the diff of a report with itself, so both share one layout.
 */
public final class DotGraphWriter implements ReportWriter {

    /** Tool count above which the tools of a toolset collapse into one node per class. */
    public static final int COLLAPSE_ABOVE = 60;
    /** Longest label part, in code points, before it is cut with {@code …}. */
    public static final int MAX_LABEL = 60;

    private static final String TAINT = "color=\"red\", fontcolor=\"red\", penwidth=\"2.5\", style=\"bold\"";
    private static final String ADDED_COLOUR = "#2f9e44";
    private static final String REMOVED_FILL = "#f1f3f5";
    private static final String CALLS_COLOUR = "#1c7ed6";
    private static final String CHANGED_COLOUR = "#e8590c";

    @Override
    public String format() {
        return "dot";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(new Graph(report, report, false).dot());
    }

    /**
     * The graph of {@code head} with what changed since {@code base}: added nodes and edges green,
     * removed ones grey and dashed, with both in the legend. Equal reports give the plain graph with
     * a diff legend.
     */
    public void writeDiff(Report base, Report head, Writer out) throws IOException {
        out.write(new Graph(base, head, true).dot());
    }

    /** Whether a node or edge is in both reports, only in the head, or only in the base. */
    private enum Change {
        SAME,
        ADDED,
        REMOVED;

        static Change of(boolean inBase, boolean inHead) {
            return inHead ? (inBase ? SAME : ADDED) : REMOVED;
        }

        /** The extra label line: nothing, {@code added} or {@code removed}. */
        String line() {
            return this == SAME ? "" : name().toLowerCase(Locale.ROOT);
        }

        /** Node attributes after the usual ones; {@code dashed} when the node already has a dashed style. */
        String nodeAttributes(boolean dashed) {
            return switch (this) {
                case SAME -> "";
                case ADDED -> ", color=\"" + ADDED_COLOUR + "\", penwidth=\"3\"";
                case REMOVED -> (dashed ? "" : ", style=\"filled,dashed\"") + ", color=\"gray50\", fontcolor=\"gray40\"";
            };
        }

        /** Cluster attributes after the label. */
        String clusterAttributes(String sameColour) {
            return switch (this) {
                case SAME -> "    style=\"rounded\";\n" + sameColour;
                case ADDED -> "    style=\"rounded\";\n    color=\"" + ADDED_COLOUR + "\";\n    penwidth=\"2\";\n";
                case REMOVED -> "    style=\"rounded,dashed\";\n    color=\"gray60\";\n    fontcolor=\"gray40\";\n";
            };
        }
    }

    /** An edge between two node ids; {@code kind} is its label: starts, can call, calls, uses or taint. */
    private record Edge(String from, String to, String kind) {

        /** The edge statement; without a label when {@code labelled} is false (the legend explains colours). */
        String write(Change change, boolean labelled) {
            String prefix = switch (change) {
                case SAME -> "";
                case ADDED -> "+ ";
                case REMOVED -> "- ";
            };
            String style = switch (change) {
                case SAME -> switch (kind) {
                    case "calls" -> "color=\"" + CALLS_COLOUR + "\"";
                    case "uses" -> "style=\"dashed\"";
                    case "taint" -> TAINT;
                    default -> "";
                };
                case ADDED -> kind.equals("taint") ? TAINT
                        : "color=\"" + ADDED_COLOUR + "\", fontcolor=\"" + ADDED_COLOUR + "\", penwidth=\"2\""
                                + (kind.equals("uses") ? ", style=\"dashed\"" : "");
                case REMOVED -> "color=\"gray60\", fontcolor=\"gray50\", style=\"dashed\"";
            };
            List<String> attributes = new ArrayList<>();
            if (labelled) {
                attributes.add("label=\"" + prefix + kind + "\"");
            }
            if (!style.isEmpty()) {
                attributes.add(style);
            }
            return "  \"" + from + "\" -> \"" + to + "\"" + (attributes.isEmpty() ? "" : " [" + String.join(", ", attributes) + "]")
                    + ";\n";
        }
    }

    private static String dot(Graph graph) {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph \"faultline\" {\n");
        dot.append("  graph [label=\"").append(graph.diff ? "Faultline capability graph: changes from base to head"
                        : "Faultline capability graph").append("\", labelloc=\"t\", rankdir=\"LR\", ")
                .append("fontname=\"Helvetica\", fontsize=\"12\", charset=\"UTF-8\", newrank=\"true\"];\n");
        dot.append("  node [fontname=\"Helvetica\", fontsize=\"10\", style=\"filled\", fillcolor=\"white\"];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=\"9\", color=\"gray40\"];\n\n");
        graph.writeAgents(dot);
        graph.writeToolsets(dot);
        graph.writeCredentials(dot);
        graph.writeEdges(dot);
        writeLegend(dot, graph.diff, !graph.collapsedCounts.isEmpty());
        dot.append("}\n");
        return dot.toString();
    }

    /**
     * Text made safe inside a quoted DOT string: sanitized to one visible line (see
     * {@link DisplayText}), cut to {@link #MAX_LABEL} code points, {@code \} and {@code "} escaped.
     * A trailing backslash gets a space after it so no Graphviz version reads {@code \\"} as an
     * escaped quote. {@code &}, {@code <} and {@code >} become the entities Graphviz shows as those
     * characters, so no scanned text looks like the {@code <img src=...>} that graphviz-java
     * rewrites into a file path (and that its JavaScript engines refuse).
     */
    public static String escape(String text) {
        String s = DisplayText.truncate(text, MAX_LABEL);
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '"' -> sb.append('\\').append(c);
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\\') {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** A label of several escaped lines, joined with DOT's {@code \n}. */
    private static String label(String... lines) {
        List<String> parts = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty()) {
                parts.add(escape(line));
            }
        }
        return String.join("\\n", parts);
    }

    private static String fill(BlastRadius radius) {
        return switch (radius) {
            case READ_ONLY -> "#b2f2bb";
            case REVERSIBLE -> "#ffec99";
            case IRREVERSIBLE -> "#ffc078";
            case PRIVILEGED -> "#ff8787";
        };
    }

    private static String shape(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        if (o.startsWith("mcp")) {
            return "ellipse";
        }
        if (o.startsWith("openapi")) {
            return "hexagon";
        }
        return "component";
    }

    /**
     * The legend as one node with an HTML-like table: compact in any layout, and made only of
     * constants, never of scanned text.
     */
    private static void writeLegend(StringBuilder dot, boolean diff, boolean grouped) {
        StringBuilder rows = new StringBuilder();
        for (BlastRadius b : BlastRadius.values()) {
            rows.append("<TR><TD BGCOLOR=\"").append(fill(b)).append("\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">")
                    .append(b.id()).append(" tool</TD></TR>");
        }
        legendRow(rows, "#a5d8ff", "agent (box)");
        legendRow(rows, "#ffe3e3", "untrusted entry point (house)");
        legendRow(rows, "#e9ecef", "credential (note)");
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">ellipse: MCP tool, hexagon: OpenAPI, component: code</TD></TR>");
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">double border: output written by outsiders</TD></TR>");
        if (grouped) {
            rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">folder: the tools of one class in a toolset; "
                    + "the tables list them</TD></TR>");
        }
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"red\"><B>red edge: taint path</B></FONT></TD></TR>");
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"#1c7ed6\">blue edge: agent calls agent</FONT></TD></TR>");
        if (diff) {
            legendRow(rows, ADDED_COLOUR, "<FONT COLOR=\"" + ADDED_COLOUR + "\"><B>added: green border or edge, '+'</B></FONT>");
            legendRow(rows, REMOVED_FILL, "<FONT COLOR=\"gray40\">removed: grey, dashed, '-'</FONT>");
            legendRow(rows, CHANGED_COLOUR, "blast radius changed: orange border, 'was ...'");
        }
        dot.append("  \"legend\" [shape=\"plaintext\", style=\"\", fontsize=\"9\", label=<")
                .append("<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\" STYLE=\"dashed\">")
                .append("<TR><TD COLSPAN=\"2\"><B>legend</B></TD></TR>").append(rows).append("</TABLE>>];\n");
    }

    private static void legendRow(StringBuilder rows, String colour, String text) {
        rows.append("<TR><TD BGCOLOR=\"").append(colour).append("\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">")
                .append(text).append("</TD></TR>");
    }

    /** The union of two reports with node ids and changes, computed once; a single report is its own base. */
    private static final class Graph {
        private final Report base;
        private final Report head;
        private final boolean diff;
        private final Set<String> baseKeys;
        private final Set<String> headKeys;
        private final List<AgentView> agents;
        private final Map<String, List<EntryPointView>> entryPoints = new HashMap<>();
        private final List<ToolView> tools;
        private final Map<String, ToolView> baseTools = new HashMap<>();
        private final List<CredentialView> credentials;
        private final List<ServerView> servers;
        /** Node key ({@code kind\nname}) to node id; collapsed read-only tools share their group's id. */
        private final Map<String, String> ids = new HashMap<>();
        private final Map<String, Integer> collapsedCounts = new HashMap<>();
        private final Map<String, BlastRadius> collapsedClass = new HashMap<>();
        /** Above {@link #COLLAPSE_ABOVE} tools: tools grouped by toolset and class, edges without labels. */
        private final boolean large;
        private int next;

        Graph(Report base, Report head, boolean diff) {
            this.base = base;
            this.head = head;
            this.diff = diff;
            this.baseKeys = keys(base);
            this.headKeys = keys(head);
            this.agents = union(head.agents(), base.agents(), AgentView::name);
            Map<String, AgentView> baseAgents = new HashMap<>();
            base.agents().forEach(a -> baseAgents.put(a.name(), a));
            Map<String, AgentView> headAgents = new HashMap<>();
            head.agents().forEach(a -> headAgents.put(a.name(), a));
            for (AgentView a : agents) {
                entryPoints.put(a.name(), union(
                        Optional.ofNullable(headAgents.get(a.name())).map(AgentView::entryPoints).orElse(List.of()),
                        Optional.ofNullable(baseAgents.get(a.name())).map(AgentView::entryPoints).orElse(List.of()),
                        EntryPointView::name));
            }
            this.tools = union(head.tools(), base.tools(), ToolView::id);
            base.tools().forEach(t -> baseTools.put(t.id(), t));
            this.credentials = union(head.credentials(), base.credentials(), CredentialView::name);
            this.servers = union(head.servers(), base.servers(), ServerView::name);

            for (AgentView a : agents) {
                ids.put(agentKey(a.name()), id());
                for (EntryPointView e : entryPoints.get(a.name())) {
                    ids.put(entryKey(a.name(), e.name()), id());
                }
            }
            this.large = tools.size() > COLLAPSE_ABOVE;
            Map<String, Integer> collapsiblePerGroup = new HashMap<>();
            if (large) {
                for (ToolView t : tools) {
                    if (collapsible(t)) {
                        collapsiblePerGroup.merge(group(t), 1, Integer::sum);
                    }
                }
            }
            Map<String, String> collapsedNode = new HashMap<>();
            for (ToolView t : tools) {
                if (collapsiblePerGroup.getOrDefault(group(t), 0) > 1 && collapsible(t)) {
                    String node = collapsedNode.computeIfAbsent(group(t), g -> id());
                    collapsedCounts.put(node, collapsiblePerGroup.get(group(t)));
                    collapsedClass.put(node, BlastRadius.of(t.blastRadius()));
                    ids.put(toolKey(t.id()), node);
                } else {
                    ids.put(toolKey(t.id()), id());
                }
            }
            for (CredentialView c : credentials) {
                ids.put(credentialKey(c.name()), id());
            }
        }

        String dot() {
            return DotGraphWriter.dot(this);
        }

        private String id() {
            return "n" + next++;
        }

        private static String agentKey(String agent) {
            return "agent\n" + agent;
        }

        private static String entryKey(String agent, String entry) {
            return "entry\n" + agent + "\n" + entry;
        }

        private static String toolKey(String tool) {
            return "tool\n" + tool;
        }

        private static String credentialKey(String credential) {
            return "credential\n" + credential;
        }

        private static Set<String> keys(Report report) {
            Set<String> keys = new HashSet<>();
            for (AgentView a : report.agents()) {
                keys.add(agentKey(a.name()));
                a.entryPoints().forEach(e -> keys.add(entryKey(a.name(), e.name())));
            }
            report.tools().forEach(t -> keys.add(toolKey(t.id())));
            report.credentials().forEach(c -> keys.add(credentialKey(c.name())));
            return keys;
        }

        /** The head's items in order, then the base's items whose key the head lacks. */
        private static <T> List<T> union(List<T> head, List<T> base, Function<T, String> key) {
            List<T> all = new ArrayList<>(head);
            Set<String> seen = new HashSet<>();
            head.forEach(item -> seen.add(key.apply(item)));
            for (T item : base) {
                if (seen.add(key.apply(item))) {
                    all.add(item);
                }
            }
            return all;
        }

        private Change change(String key) {
            return Change.of(baseKeys.contains(key), headKeys.contains(key));
        }

        /** Unchanged, with the same class in both reports: the tools that may be drawn as one group. */
        private boolean collapsible(ToolView t) {
            return change(toolKey(t.id())) == Change.SAME && t.blastRadius().equals(baseTools.get(t.id()).blastRadius());
        }

        /** The group of a collapsible tool: its toolset and class. */
        private static String group(ToolView t) {
            return t.toolset() + "\n" + BlastRadius.of(t.blastRadius()).id();
        }

        void writeAgents(StringBuilder dot) {
            int cluster = 0;
            for (AgentView a : agents) {
                Change change = change(agentKey(a.name()));
                dot.append("  subgraph \"cluster_agent").append(cluster++).append("\" {\n");
                dot.append("    label=\"").append(label("agent " + a.name())).append("\";\n");
                dot.append(change.clusterAttributes(""));
                dot.append("    \"").append(ids.get(agentKey(a.name()))).append("\" [label=\"")
                        .append(label(a.name(), a.declared() ? "" : "(assumed)", change.line()))
                        .append("\", shape=\"box\", fillcolor=\"")
                        .append(change == Change.REMOVED ? REMOVED_FILL : "#a5d8ff").append('"')
                        .append(a.declared() ? "" : ", style=\"filled,dashed\"")
                        .append(change.nodeAttributes(!a.declared())).append("];\n");
                for (EntryPointView e : entryPoints.get(a.name())) {
                    Change entryChange = change(entryKey(a.name(), e.name()));
                    boolean untrusted = !"trusted".equals(e.trust());
                    dot.append("    \"").append(ids.get(entryKey(a.name(), e.name()))).append("\" [label=\"")
                            .append(label(e.name(), e.trust(), entryChange.line())).append("\", shape=\"invhouse\"")
                            .append(entryChange == Change.REMOVED ? ", fillcolor=\"" + REMOVED_FILL + "\""
                                    : untrusted ? ", fillcolor=\"#ffe3e3\"" : "")
                            .append(entryChange.nodeAttributes(false)).append("];\n");
                }
                dot.append("  }\n");
            }
        }

        void writeToolsets(StringBuilder dot) {
            Map<String, List<ToolView>> toolsets = new LinkedHashMap<>();
            for (ToolView t : tools) {
                toolsets.computeIfAbsent(t.toolset(), ts -> new ArrayList<>()).add(t);
            }
            int cluster = 0;
            for (Map.Entry<String, List<ToolView>> set : toolsets.entrySet()) {
                Optional<ServerView> server = servers.stream().filter(s -> s.name().equals(set.getKey())).findFirst();
                String title = server.map(s -> "server " + s.name() + " (" + s.transport() + ")")
                        .orElse("toolset " + set.getKey());
                Set<Change> changes = new HashSet<>();
                set.getValue().forEach(t -> changes.add(change(toolKey(t.id()))));
                Change clusterChange = changes.size() == 1 ? changes.iterator().next() : Change.SAME;
                dot.append("  subgraph \"cluster_toolset").append(cluster++).append("\" {\n");
                dot.append("    label=\"").append(label(title)).append("\";\n");
                dot.append(clusterChange.clusterAttributes("    color=\"gray60\";\n"));
                Set<String> written = new LinkedHashSet<>();
                for (ToolView t : set.getValue()) {
                    String node = ids.get(toolKey(t.id()));
                    if (!written.add(node)) {
                        continue;
                    }
                    if (collapsedCounts.containsKey(node)) {
                        BlastRadius radius = collapsedClass.get(node);
                        dot.append("    \"").append(node).append("\" [label=\"")
                                .append(collapsedCounts.get(node)).append(' ').append(radius.id())
                                .append(" tools\", shape=\"folder\", fillcolor=\"").append(fill(radius)).append("\"];\n");
                        continue;
                    }
                    writeTool(dot, node, t);
                }
                dot.append("  }\n");
            }
        }

        private void writeTool(StringBuilder dot, String node, ToolView t) {
            Change change = change(toolKey(t.id()));
            String was = Optional.ofNullable(baseTools.get(t.id()))
                    .filter(b -> change == Change.SAME && !b.blastRadius().equals(t.blastRadius()))
                    .map(b -> "was " + b.blastRadius()).orElse("");
            dot.append("    \"").append(node).append("\" [label=\"")
                    .append(label(t.name(), t.blastRadius(), t.approvalRequired() ? "approval required" : "", was,
                            change.line()))
                    .append("\", shape=\"").append(shape(t.origin())).append("\", fillcolor=\"")
                    .append(change == Change.REMOVED ? REMOVED_FILL : fill(BlastRadius.of(t.blastRadius()))).append('"')
                    .append(t.untrustedOutput() ? ", peripheries=\"2\"" : "")
                    .append(", tooltip=\"").append(escape(t.description())).append('"')
                    .append(change.nodeAttributes(false))
                    .append(was.isEmpty() ? "" : ", color=\"" + CHANGED_COLOUR + "\", penwidth=\"3\"").append("];\n");
        }

        void writeCredentials(StringBuilder dot) {
            for (CredentialView c : credentials) {
                Change change = change(credentialKey(c.name()));
                dot.append("  \"").append(ids.get(credentialKey(c.name()))).append("\" [label=\"")
                        .append(label(c.name(), c.kind(), change.line())).append("\", shape=\"note\", fillcolor=\"")
                        .append(change == Change.REMOVED ? REMOVED_FILL : "#e9ecef").append('"')
                        .append(change.nodeAttributes(false)).append("];\n");
            }
            if (!credentials.isEmpty()) {
                dot.append('\n');
            }
        }

        /**
         * Every edge of both reports with its change. A "can call" or "starts" edge is left out where a
         * taint edge of the head joins the same nodes: the red edge says it already.
         */
        void writeEdges(StringBuilder dot) {
            Set<Edge> inHead = edges(head, headKeys);
            Set<Edge> inBase = edges(base, baseKeys);
            Set<Edge> all = new LinkedHashSet<>(inHead);
            all.addAll(inBase);
            Set<String> tainted = new HashSet<>();
            inHead.stream().filter(e -> e.kind().equals("taint")).forEach(e -> tainted.add(e.from() + "\n" + e.to()));
            all.removeIf(e -> (e.kind().equals("can call") || e.kind().equals("starts"))
                    && tainted.contains(e.from() + "\n" + e.to()));
            for (Edge e : all) {
                dot.append(e.write(Change.of(inBase.contains(e), inHead.contains(e)), !large));
            }
            if (!all.isEmpty()) {
                dot.append('\n');
            }
        }

        /** The edges of one report, in a fixed order, between the nodes that report has. */
        private Set<Edge> edges(Report report, Set<String> keys) {
            Function<String, Optional<String>> node = key -> keys.contains(key) ? Optional.of(ids.get(key)) : Optional.empty();
            Set<Edge> edges = new LinkedHashSet<>();
            for (AgentView a : report.agents()) {
                String agent = ids.get(agentKey(a.name()));
                for (EntryPointView e : a.entryPoints()) {
                    edges.add(new Edge(ids.get(entryKey(a.name(), e.name())), agent, "starts"));
                }
                for (String tool : a.tools()) {
                    node.apply(toolKey(tool)).ifPresent(to -> edges.add(new Edge(agent, to, "can call")));
                }
                for (String callee : a.calls()) {
                    node.apply(agentKey(callee)).ifPresent(to -> edges.add(new Edge(agent, to, "calls")));
                }
            }
            for (ToolView t : report.tools()) {
                for (String credential : t.credentials()) {
                    node.apply(credentialKey(credential))
                            .ifPresent(to -> edges.add(new Edge(ids.get(toolKey(t.id())), to, "uses")));
                }
            }
            for (Finding f : report.findings()) {
                if ("taint-path".equals(f.ruleId())) {
                    edges.addAll(taintHops(f, node));
                }
            }
            return edges;
        }

        /**
         * The hops of a taint finding keyed {@code agent:sink}: each source it names (its related
         * locations, see {@link TaintSource}) to the agent, and the agent to the sink; none for a
         * node the report lacks.
         */
        private static List<Edge> taintHops(Finding f, Function<String, Optional<String>> node) {
            int colon = f.key().indexOf(':');
            if (colon < 0) {
                return List.of();
            }
            String agentName = f.key().substring(0, colon);
            Optional<String> agent = node.apply(agentKey(agentName));
            if (agent.isEmpty()) {
                return List.of();
            }
            List<Edge> hops = new ArrayList<>();
            for (RelatedLocation r : f.related()) {
                TaintSource.parse(r.message())
                        .flatMap(s -> node.apply(s.entryPoint() ? entryKey(s.agent(), s.id()) : toolKey(s.id())))
                        .ifPresent(from -> hops.add(new Edge(from, agent.get(), "taint")));
            }
            node.apply(toolKey(f.key().substring(colon + 1))).ifPresent(to -> hops.add(new Edge(agent.get(), to, "taint")));
            return hops;
        }
    }
}
