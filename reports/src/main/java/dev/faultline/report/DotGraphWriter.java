package dev.faultline.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The capability graph in Graphviz DOT, written by hand: agents in clusters with their entry
 * points, tools grouped by toolset (labelled with their server when one is known) and coloured by
 * blast radius, credentials as notes, and taint paths in bold red. Node ids are {@code n0},
 * {@code n1}, ... in report order (agents with their entry points, tools, credentials); every id and
 * label is quoted and passed through {@link #escape}. Above {@link #COLLAPSE_ABOVE} tools, the
 * read-only tools of each toolset are drawn as one node.
 */
public final class DotGraphWriter implements ReportWriter {

    /** Tool count above which read-only tools of a toolset collapse into one node. */
    public static final int COLLAPSE_ABOVE = 60;
    /** Longest label part, in code points, before it is cut with {@code …}. */
    public static final int MAX_LABEL = 60;

    private static final String TAINT = "color=\"red\", fontcolor=\"red\", penwidth=\"2.5\", style=\"bold\"";

    @Override
    public String format() {
        return "dot";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Graph graph = new Graph(report);
        StringBuilder dot = new StringBuilder();
        dot.append("digraph \"faultline\" {\n");
        dot.append("  graph [label=\"Faultline capability graph\", labelloc=\"t\", rankdir=\"LR\", ")
                .append("fontname=\"Helvetica\", fontsize=\"12\", charset=\"UTF-8\", newrank=\"true\"];\n");
        dot.append("  node [fontname=\"Helvetica\", fontsize=\"10\", style=\"filled\", fillcolor=\"white\"];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=\"9\", color=\"gray40\"];\n\n");
        graph.writeAgents(dot);
        graph.writeToolsets(dot);
        graph.writeCredentials(dot);
        graph.writeEdges(dot);
        writeLegend(dot);
        dot.append("}\n");
        out.write(dot.toString());
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
    private static void writeLegend(StringBuilder dot) {
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
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"red\"><B>red edge: taint path</B></FONT></TD></TR>");
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"#1c7ed6\">blue edge: agent calls agent</FONT></TD></TR>");
        dot.append("  \"legend\" [shape=\"plaintext\", style=\"\", fontsize=\"9\", label=<")
                .append("<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\" STYLE=\"dashed\">")
                .append("<TR><TD COLSPAN=\"2\"><B>legend</B></TD></TR>").append(rows).append("</TABLE>>];\n");
    }

    private static void legendRow(StringBuilder rows, String colour, String text) {
        rows.append("<TR><TD BGCOLOR=\"").append(colour).append("\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">")
                .append(text).append("</TD></TR>");
    }

    /** Node ids and edges of one report, computed once. */
    private static final class Graph {
        private final Report report;
        private final boolean collapse;
        private final Map<String, String> agentNodes = new HashMap<>();
        private final Map<String, String> entryNodes = new HashMap<>();
        private final Map<String, String> toolNodes = new HashMap<>();
        private final Map<String, Integer> collapsedCounts = new HashMap<>();
        private final Map<String, String> credentialNodes = new HashMap<>();
        private int next;

        Graph(Report report) {
            this.report = report;
            this.collapse = report.tools().size() > COLLAPSE_ABOVE;
            for (AgentView a : report.agents()) {
                agentNodes.put(a.name(), id());
                for (EntryPointView e : a.entryPoints()) {
                    entryNodes.put(a.name() + "\n" + e.name(), id());
                }
            }
            Map<String, Integer> readOnlyPerToolset = new HashMap<>();
            if (collapse) {
                for (ToolView t : report.tools()) {
                    if (isReadOnly(t)) {
                        readOnlyPerToolset.merge(t.toolset(), 1, Integer::sum);
                    }
                }
            }
            Map<String, String> collapsedNode = new HashMap<>();
            for (ToolView t : report.tools()) {
                if (readOnlyPerToolset.getOrDefault(t.toolset(), 0) > 1 && isReadOnly(t)) {
                    String node = collapsedNode.computeIfAbsent(t.toolset(), ts -> id());
                    collapsedCounts.put(node, readOnlyPerToolset.get(t.toolset()));
                    toolNodes.put(t.id(), node);
                } else {
                    toolNodes.put(t.id(), id());
                }
            }
            for (CredentialView c : report.credentials()) {
                credentialNodes.put(c.name(), id());
            }
        }

        private String id() {
            return "n" + next++;
        }

        private static boolean isReadOnly(ToolView t) {
            return BlastRadius.of(t.blastRadius()) == BlastRadius.READ_ONLY;
        }

        void writeAgents(StringBuilder dot) {
            int cluster = 0;
            for (AgentView a : report.agents()) {
                dot.append("  subgraph \"cluster_agent").append(cluster++).append("\" {\n");
                dot.append("    label=\"").append(label("agent " + a.name())).append("\";\n");
                dot.append("    style=\"rounded\";\n");
                dot.append("    \"").append(agentNodes.get(a.name())).append("\" [label=\"")
                        .append(label(a.name(), a.declared() ? "" : "(assumed)"))
                        .append("\", shape=\"box\", fillcolor=\"#a5d8ff\"")
                        .append(a.declared() ? "" : ", style=\"filled,dashed\"").append("];\n");
                for (EntryPointView e : a.entryPoints()) {
                    boolean untrusted = !"trusted".equals(e.trust());
                    dot.append("    \"").append(entryNodes.get(a.name() + "\n" + e.name())).append("\" [label=\"")
                            .append(label(e.name(), e.trust())).append("\", shape=\"invhouse\"")
                            .append(untrusted ? ", fillcolor=\"#ffe3e3\"" : "").append("];\n");
                }
                dot.append("  }\n");
            }
        }

        void writeToolsets(StringBuilder dot) {
            Map<String, List<ToolView>> toolsets = new LinkedHashMap<>();
            for (ToolView t : report.tools()) {
                toolsets.computeIfAbsent(t.toolset(), ts -> new ArrayList<>()).add(t);
            }
            int cluster = 0;
            for (Map.Entry<String, List<ToolView>> set : toolsets.entrySet()) {
                Optional<ServerView> server = report.servers().stream()
                        .filter(s -> s.name().equals(set.getKey())).findFirst();
                String title = server.map(s -> "server " + s.name() + " (" + s.transport() + ")")
                        .orElse("toolset " + set.getKey());
                dot.append("  subgraph \"cluster_toolset").append(cluster++).append("\" {\n");
                dot.append("    label=\"").append(label(title)).append("\";\n");
                dot.append("    style=\"rounded\";\n    color=\"gray60\";\n");
                Set<String> written = new LinkedHashSet<>();
                for (ToolView t : set.getValue()) {
                    String node = toolNodes.get(t.id());
                    if (!written.add(node)) {
                        continue;
                    }
                    if (collapsedCounts.containsKey(node)) {
                        dot.append("    \"").append(node).append("\" [label=\"")
                                .append(collapsedCounts.get(node)).append(" read-only tools\", shape=\"folder\", ")
                                .append("fillcolor=\"").append(fill(BlastRadius.READ_ONLY)).append("\"];\n");
                        continue;
                    }
                    dot.append("    \"").append(node).append("\" [label=\"")
                            .append(label(t.name(), t.blastRadius(), t.approvalRequired() ? "approval required" : ""))
                            .append("\", shape=\"").append(shape(t.origin())).append("\", fillcolor=\"")
                            .append(fill(BlastRadius.of(t.blastRadius()))).append('"')
                            .append(t.untrustedOutput() ? ", peripheries=\"2\"" : "")
                            .append(", tooltip=\"").append(escape(t.description())).append("\"];\n");
                }
                dot.append("  }\n");
            }
        }

        void writeCredentials(StringBuilder dot) {
            for (CredentialView c : report.credentials()) {
                dot.append("  \"").append(credentialNodes.get(c.name())).append("\" [label=\"")
                        .append(label(c.name(), c.kind())).append("\", shape=\"note\", fillcolor=\"#e9ecef\"];\n");
            }
            if (!report.credentials().isEmpty()) {
                dot.append('\n');
            }
        }

        void writeEdges(StringBuilder dot) {
            Set<String> edges = new LinkedHashSet<>();
            for (AgentView a : report.agents()) {
                String agent = agentNodes.get(a.name());
                for (EntryPointView e : a.entryPoints()) {
                    edges.add(edge(entryNodes.get(a.name() + "\n" + e.name()), agent, "label=\"starts\""));
                }
                for (String tool : a.tools()) {
                    if (toolNodes.containsKey(tool)) {
                        edges.add(edge(agent, toolNodes.get(tool), "label=\"can call\""));
                    }
                }
                for (String callee : a.calls()) {
                    if (agentNodes.containsKey(callee)) {
                        edges.add(edge(agent, agentNodes.get(callee), "label=\"calls\", color=\"#1c7ed6\""));
                    }
                }
            }
            for (ToolView t : report.tools()) {
                for (String credential : t.credentials()) {
                    if (credentialNodes.containsKey(credential)) {
                        edges.add(edge(toolNodes.get(t.id()), credentialNodes.get(credential),
                                "label=\"uses\", style=\"dashed\""));
                    }
                }
            }
            for (Finding f : report.findings()) {
                if ("taint-path".equals(f.ruleId())) {
                    for (String[] hop : taintHops(f.key())) {
                        edges.add(edge(hop[0], hop[1], "label=\"taint\", " + TAINT));
                    }
                }
            }
            for (String e : edges) {
                dot.append(e);
            }
            if (!edges.isEmpty()) {
                dot.append('\n');
            }
        }

        /** The hops of a taint key {@code agent:source->sink}: source to agent, agent to sink; none when unknown. */
        private List<String[]> taintHops(String key) {
            int colon = key.indexOf(':');
            int arrow = key.lastIndexOf("->");
            if (colon < 0 || arrow < colon) {
                return List.of();
            }
            String agentName = key.substring(0, colon);
            String source = key.substring(colon + 1, arrow);
            String sink = key.substring(arrow + 2);
            String agent = agentNodes.get(agentName);
            String from = toolNodes.getOrDefault(source, entryNodes.get(agentName + "\n" + source));
            String to = toolNodes.get(sink);
            List<String[]> hops = new ArrayList<>();
            if (agent != null && from != null) {
                hops.add(new String[] {from, agent});
            }
            if (agent != null && to != null) {
                hops.add(new String[] {agent, to});
            }
            return hops;
        }

        private static String edge(String from, String to, String attributes) {
            return "  \"" + from + "\" -> \"" + to + "\" [" + attributes + "];\n";
        }
    }
}
