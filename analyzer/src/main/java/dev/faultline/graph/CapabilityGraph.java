package dev.faultline.graph;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.model.Agent;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.EntryPoint;
import dev.faultline.model.Server;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The frozen graph of agents, tools, credentials, servers and entry points. Built once per scan;
 * analyses read it through {@link #graph()}, an unmodifiable view.
 */
public final class CapabilityGraph {
    private final Graph<Node, Edge> graph;

    private CapabilityGraph(Graph<Node, Edge> graph) {
        this.graph = new AsUnmodifiableGraph<>(graph);
    }

    /** Builds the graph from a resolved model and its classified tools. */
    public static CapabilityGraph build(AgentModel model, Map<String, ClassifiedTool> tools) {
        Graph<Node, Edge> g = new DirectedMultigraph<>(null, null, false);
        for (Server s : model.servers()) {
            g.addVertex(new Node.ServerNode(s.name()));
        }
        for (ClassifiedTool ct : tools.values().stream().sorted().toList()) {
            Node.ToolNode t = new Node.ToolNode(ct.id());
            g.addVertex(t);
            Node.ServerNode server = new Node.ServerNode(ct.tool().toolset());
            if (g.containsVertex(server)) {
                g.addEdge(t, server, new Edge(EdgeKind.SERVED_BY));
            }
            for (CredentialRef c : ct.tool().credentials()) {
                Node.CredentialNode cn = new Node.CredentialNode(c.name());
                g.addVertex(cn);
                if (g.getAllEdges(t, cn).isEmpty()) {
                    g.addEdge(t, cn, new Edge(EdgeKind.USES));
                }
            }
        }
        for (Agent a : model.agents()) {
            g.addVertex(new Node.AgentNode(a.name()));
        }
        for (Agent a : model.agents()) {
            Node.AgentNode an = new Node.AgentNode(a.name());
            for (EntryPoint e : a.entryPoints()) {
                Node.EntryNode en = new Node.EntryNode(a.name(), e.name());
                g.addVertex(en);
                g.addEdge(en, an, new Edge(EdgeKind.TRIGGERS));
            }
            for (String toolId : a.tools()) {
                Node.ToolNode t = new Node.ToolNode(toolId);
                if (g.containsVertex(t)) {
                    g.addEdge(an, t, new Edge(EdgeKind.CAN_CALL));
                    g.addEdge(t, an, new Edge(EdgeKind.RETURNS_TO));
                }
            }
            for (String callee : a.calls()) {
                g.addEdge(an, new Node.AgentNode(callee), new Edge(EdgeKind.CALLS_AGENT));
            }
        }
        return new CapabilityGraph(g);
    }

    /** The unmodifiable graph. */
    public Graph<Node, Edge> graph() {
        return graph;
    }

    /** Targets of out-edges of {@code from} with this kind, in insertion order. */
    public List<Node> successors(Node from, EdgeKind kind) {
        if (!graph.containsVertex(from)) {
            return List.of();
        }
        return graph.outgoingEdgesOf(from).stream().filter(e -> e.kind() == kind).map(graph::getEdgeTarget).toList();
    }

    /** Sources of in-edges of {@code to} with this kind, in insertion order. */
    public List<Node> predecessors(Node to, EdgeKind kind) {
        if (!graph.containsVertex(to)) {
            return List.of();
        }
        return graph.incomingEdgesOf(to).stream().filter(e -> e.kind() == kind).map(graph::getEdgeSource).toList();
    }
}
