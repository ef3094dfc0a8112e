package dev.faultline.analysis;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.doc.DocMap;
import dev.faultline.graph.CapabilityGraph;
import dev.faultline.graph.EdgeKind;
import dev.faultline.graph.Node;
import dev.faultline.model.Agent;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.EntryPoint;
import dev.faultline.model.Provenance;
import dev.faultline.report.Finding;
import dev.faultline.report.FlowStep;
import dev.faultline.report.Location;
import dev.faultline.report.Severity;
import dev.faultline.rules.Rule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Untrusted content reaching an irreversible or privileged tool. The LLM is the confused deputy:
 * whatever enters an agent's context (an untrusted entry point, the output of an untrusted-output
 * tool, a called agent's answer) can choose its next tool call. One breadth-first search per source
 * over the agent graph gives every reachable agent with a shortest witness path; no enumeration
 * of simple paths. Approval gates on the sink mark the path guarded, at the rule's lower severity.
 */
public final class TaintAnalysis implements Analysis {

    @Override
    public String kind() {
        return "taint";
    }

    private record Source(String key, String label, Location location, Provenance provenance, List<Node.AgentNode> firstAgents,
                          Optional<String> toolId) {
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        Map<BlastRadius, Severity> sinkSeverity = severities(rule.body(), "sinks", rule.severity());
        Map<BlastRadius, Severity> guardedSeverity = severities(rule.body(), "guarded", Severity.LOW);
        CapabilityGraph graph = ctx.graph();
        Map<String, Agent> agents = new LinkedHashMap<>();
        ctx.model().agents().forEach(a -> agents.put(a.name(), a));
        List<Finding> findings = new ArrayList<>();
        for (Source source : sources(ctx, graph)) {
            Map<String, String> parent = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>();
            for (Node.AgentNode a : source.firstAgents()) {
                if (parent.putIfAbsent(a.name(), "") == null) {
                    queue.add(a.name());
                }
            }
            List<String> order = new ArrayList<>();
            while (!queue.isEmpty()) {
                String a = queue.removeFirst();
                order.add(a);
                Node.AgentNode an = new Node.AgentNode(a);
                List<Node> next = new ArrayList<>(graph.successors(an, EdgeKind.CALLS_AGENT));
                next.addAll(graph.predecessors(an, EdgeKind.CALLS_AGENT));
                for (Node n : next) {
                    String b = ((Node.AgentNode) n).name();
                    if (parent.putIfAbsent(b, a) == null) {
                        queue.add(b);
                    }
                }
            }
            for (String agentName : order) {
                Agent agent = agents.get(agentName);
                for (Node n : graph.successors(new Node.AgentNode(agentName), EdgeKind.CAN_CALL)) {
                    ClassifiedTool sink = ctx.tool(((Node.ToolNode) n).id()).orElseThrow();
                    if (!sink.isDangerous() || source.toolId().filter(sink.id()::equals).isPresent()) {
                        continue;
                    }
                    findings.add(finding(rule, source, agentName, agents, parent, sink, agent,
                            sink.approvalRequired() ? guardedSeverity : sinkSeverity));
                }
            }
        }
        return findings;
    }

    private Finding finding(Rule rule, Source source, String agentName, Map<String, Agent> agents, Map<String, String> parent,
                            ClassifiedTool sink, Agent agent, Map<BlastRadius, Severity> severities) {
        List<FlowStep> steps = new ArrayList<>();
        steps.add(new FlowStep(source.location(), source.label()));
        List<String> chain = new ArrayList<>();
        for (String a = agentName; a != null && !a.isEmpty(); a = parent.get(a)) {
            chain.add(0, a);
        }
        String previous = null;
        for (String a : chain) {
            Location where = located(agents.get(a).location(), sink.tool().location());
            steps.add(new FlowStep(where, previous == null
                    ? "enters the context of agent " + a
                    : "agent " + previous + " and agent " + a + " call each other, so it reaches agent " + a));
            previous = a;
        }
        steps.add(new FlowStep(sink.tool().location(), "agent " + agentName + " can call " + sink.id() + " ("
                + sink.blastRadius().id() + (sink.approvalRequired() ? ", behind an approval gate" : "") + ")"));
        Provenance weakest = source.provenance().weakest(sink.radiusProvenance());
        Severity severity = severities.getOrDefault(sink.blastRadius(), rule.severity());
        String message = FindingText.fill(rule.message(), Map.of(
                "source", source.label(),
                "agent", agentName,
                "sink", sink.id(),
                "class", sink.blastRadius().id(),
                "guard", sink.approvalRequired() ? " The sink is behind an approval gate, so the path is guarded." : ""));
        return new Finding(rule.id(), severity, weakest.precision(), agentName + ":" + source.key() + "->" + sink.id(),
                message, sink.tool().location(), steps, List.of(), Optional.empty());
    }

    private static Location located(Location preferred, Location fallback) {
        return preferred.path().isEmpty() ? fallback : preferred;
    }

    private static List<Source> sources(AnalysisContext ctx, CapabilityGraph graph) {
        List<Source> sources = new ArrayList<>();
        for (Agent a : ctx.model().agents()) {
            for (EntryPoint e : a.entryPoints()) {
                if (e.untrusted()) {
                    sources.add(new Source("entry:" + e.name(), "untrusted entry point " + e.name()
                            + (e.description().isEmpty() ? "" : " (" + e.description() + ")"), e.location(), Provenance.DECLARED,
                            List.of(new Node.AgentNode(a.name())), Optional.empty()));
                }
            }
        }
        for (ClassifiedTool t : ctx.sortedTools()) {
            if (!t.untrustedOutput()) {
                continue;
            }
            List<Node.AgentNode> readers = graph.successors(new Node.ToolNode(t.id()), EdgeKind.RETURNS_TO).stream()
                    .map(n -> (Node.AgentNode) n).toList();
            if (!readers.isEmpty()) {
                sources.add(new Source(t.id(), "output of " + t.id() + ", which outsiders can write", t.tool().location(),
                        t.untrustedProvenance(), readers, Optional.of(t.id())));
            }
        }
        return sources;
    }

    /** Reads a {@code class: severity} map from the rule body. */
    static Map<BlastRadius, Severity> severities(DocMap body, String key, Severity fallback) {
        Map<BlastRadius, Severity> out = new HashMap<>();
        body.map(key).ifPresent(m -> m.entries().forEach(e -> BlastRadius.parse(e.key()).ifPresent(b ->
                out.put(b, e.value().scalarText().map(Severity::parse).orElse(fallback)))));
        return out;
    }
}
