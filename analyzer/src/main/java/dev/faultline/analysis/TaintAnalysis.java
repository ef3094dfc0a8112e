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
import dev.faultline.report.RelatedLocation;
import dev.faultline.report.Severity;
import dev.faultline.report.TaintSource;
import dev.faultline.rules.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Untrusted content reaching an irreversible or privileged tool. The LLM is the confused deputy:
 * whatever enters an agent's context (an untrusted entry point, the output of an untrusted-output
 * tool, a called agent's answer) can choose its next tool call.
 *
 * <p>One finding per agent and dangerous tool it can call, keyed {@code agent:sink}: the fix (an
 * approval gate, a split agent, a narrower sink) is made there, whichever source gets in. Agents
 * that call each other share their context both ways, so the sources that reach an agent are those
 * of its connected component in the agent graph; a finding names the first {@value #NAMED_SOURCES}
 * of them in key order (message and related locations, see {@link TaintSource}) and counts the
 * rest. Its code flow is a shortest path from the nearest source, found by one breadth-first search
 * from all sources at once that keeps the two nearest distinct sources per agent, so a sink whose
 * own output is a source still has a witness from another. All of it is linear in the graph plus
 * the findings written. Approval gates on the sink mark the path guarded, at the rule's lower
 * severity. Precision is that of the surest source, bounded by the provenance of the sink's class.
 */
public final class TaintAnalysis implements Analysis {

    /** How many sources a finding names; the others are counted. */
    static final int NAMED_SOURCES = 3;

    private static final int NONE = -1;

    @Override
    public String kind() {
        return "taint";
    }

    /**
     * Where untrusted content comes from: {@code key} orders sources (tool id, or
     * {@code entry:agent/name}); {@code firstAgents} are the indexes of the agents whose context it
     * enters first; {@code agent} is the agent of an entry point, {@code ""} for a tool.
     */
    private record Source(String key, boolean entryPoint, String agent, String id, String label, Location location,
                          Provenance provenance, List<Integer> firstAgents) {

        TaintSource named(int rank, int total) {
            return new TaintSource(rank, total, entryPoint, agent, id);
        }
    }

    /**
     * The code flow of a finding up to its agent: from the nearest source through the agents to it.
     * {@code placedAtSink} when an agent without a location stands at the sink's.
     */
    private record Witness(int source, String label, List<FlowStep> steps, boolean placedAtSink) {
    }

    /** The sources a finding names, as message text and as related locations. */
    private record Named(String text, List<RelatedLocation> related) {
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        return new Pass(rule, ctx).findings();
    }

    /**
     * Every untrusted source that reaches each agent, as this analysis counts them: those of the
     * agent's connected component in the agent graph, all of them, where a finding names three.
     */
    public static TaintReach reach(AnalysisContext ctx) {
        Sources g = new Sources(ctx);
        int[] component = components(g.neighbours);
        Map<Integer, List<TaintReach.Site>> byComponent = new HashMap<>();
        for (Source s : g.sources) {
            TaintReach.Site site = new TaintReach.Site(s.entryPoint(), s.agent(), s.id(), s.location());
            for (int a : s.firstAgents()) {
                List<TaintReach.Site> sites = byComponent.computeIfAbsent(component[a], c -> new ArrayList<>());
                if (sites.isEmpty() || !sites.get(sites.size() - 1).equals(site)) {
                    sites.add(site);
                }
            }
        }
        Map<String, List<TaintReach.Site>> byAgent = new HashMap<>();
        for (int a = 0; a < g.agents.size(); a++) {
            List<TaintReach.Site> sites = byComponent.get(component[a]);
            if (sites != null) {
                byAgent.put(g.agents.get(a).name(), sites);
            }
        }
        return new TaintReach(byAgent);
    }

    /** The agents of one graph, the untrusted sources that enter them and the calls between them. */
    private static class Sources {
        final AnalysisContext ctx;
        final List<Agent> agents;
        final Map<String, Integer> agentIndex = new HashMap<>();
        final List<Source> sources;
        final Map<String, Integer> sourceOfTool = new HashMap<>();
        final int[][] neighbours;

        Sources(AnalysisContext ctx) {
            this.ctx = ctx;
            this.agents = ctx.model().agents();
            for (int i = 0; i < agents.size(); i++) {
                agentIndex.put(agents.get(i).name(), i);
            }
            this.sources = sources();
            for (int s = 0; s < sources.size(); s++) {
                if (!sources.get(s).entryPoint()) {
                    sourceOfTool.put(sources.get(s).id(), s);
                }
            }
            this.neighbours = neighbours();
        }

        /** Agent indexes joined by CALLS_AGENT edges in either direction, in graph order. */
        private int[][] neighbours() {
            int[][] out = new int[agents.size()][];
            for (int a = 0; a < agents.size(); a++) {
                Node.AgentNode node = new Node.AgentNode(agents.get(a).name());
                List<Node> next = new ArrayList<>(ctx.graph().successors(node, EdgeKind.CALLS_AGENT));
                next.addAll(ctx.graph().predecessors(node, EdgeKind.CALLS_AGENT));
                out[a] = next.stream().mapToInt(n -> agentIndex.get(((Node.AgentNode) n).name())).toArray();
            }
            return out;
        }

        /** Untrusted entry points and untrusted-output tools that some agent reads, in key order. */
        private List<Source> sources() {
            List<Source> out = new ArrayList<>();
            for (int a = 0; a < agents.size(); a++) {
                Agent agent = agents.get(a);
                for (EntryPoint e : agent.entryPoints()) {
                    if (e.untrusted()) {
                        out.add(new Source("entry:" + agent.name() + "/" + e.name(), true, agent.name(), e.name(),
                                "untrusted entry point " + e.name() + (e.description().isEmpty() ? "" : " (" + e.description() + ")"),
                                e.location(), Provenance.DECLARED, List.of(a)));
                    }
                }
            }
            CapabilityGraph graph = ctx.graph();
            for (ClassifiedTool t : ctx.tools().values()) {
                if (!t.untrustedOutput()) {
                    continue;
                }
                List<Integer> readers = graph.successors(new Node.ToolNode(t.id()), EdgeKind.RETURNS_TO).stream()
                        .map(n -> agentIndex.get(((Node.AgentNode) n).name())).toList();
                if (!readers.isEmpty()) {
                    out.add(new Source(t.id(), false, "", t.id(), "output of " + t.id() + ", which outsiders can write",
                            t.tool().location(), t.untrustedProvenance(), readers));
                }
            }
            out.sort(Comparator.comparing(Source::key).thenComparing(Source::entryPoint));
            return out;
        }
    }

    /** One run of the rule over one graph. */
    private static final class Pass extends Sources {
        private final Rule rule;
        private final Map<BlastRadius, Severity> sinkSeverity;
        private final Map<BlastRadius, Severity> guardedSeverity;
        private final FindingText.Template template;

        Pass(Rule rule, AnalysisContext ctx) {
            super(ctx);
            this.rule = rule;
            this.sinkSeverity = severities(rule.body(), "sinks", rule.severity());
            this.guardedSeverity = severities(rule.body(), "guarded", Severity.LOW);
            this.template = FindingText.compile(rule.message());
        }

        List<Finding> findings() {
            int[] component = components(neighbours);
            Map<Integer, Component> components = new HashMap<>();
            for (int s = 0; s < sources.size(); s++) {
                for (int a : sources.get(s).firstAgents()) {
                    components.computeIfAbsent(component[a], c -> new Component()).add(s);
                }
            }
            Labels labels = nearestSources();
            List<Finding> findings = new ArrayList<>();
            for (int a = 0; a < agents.size(); a++) {
                Component reaching = components.get(component[a]);
                if (reaching == null) {
                    continue;
                }
                Set<String> sinks = new LinkedHashSet<>();
                for (Node n : ctx.graph().successors(new Node.AgentNode(agents.get(a).name()), EdgeKind.CAN_CALL)) {
                    sinks.add(((Node.ToolNode) n).id());
                }
                Witness last = null;
                for (String sinkId : sinks) {
                    ClassifiedTool sink = ctx.tool(sinkId).orElseThrow();
                    // an untrusted-output sink reads its own output, so it is one of this component's sources
                    int self = sourceOfTool.getOrDefault(sinkId, NONE);
                    int source = labels.nearest(a, self);
                    if (!sink.isDangerous() || source == NONE) {
                        continue;
                    }
                    Witness witness = last != null && last.source() == source && !last.placedAtSink() ? last
                            : witness(labels.path(a, source), source, sink.tool().location());
                    last = witness;
                    findings.add(finding(a, sink, witness, reaching.named(self), reaching.surest(self)));
                }
            }
            return findings;
        }

        /**
         * The steps from a source into the agents of {@code path}; an agent without a location is
         * placed at the sink, so those steps hold for that sink only.
         */
        private Witness witness(List<Integer> path, int source, Location sinkLocation) {
            Source from = sources.get(source);
            List<FlowStep> steps = new ArrayList<>(path.size() + 1);
            steps.add(new FlowStep(from.location(), from.label()));
            String previous = "";
            boolean placedAtSink = false;
            for (int a : path) {
                Agent agent = agents.get(a);
                placedAtSink |= agent.location().path().isEmpty();
                steps.add(new FlowStep(agent.location().path().isEmpty() ? sinkLocation : agent.location(), previous.isEmpty()
                        ? "enters the context of agent " + agent.name()
                        : "agent " + previous + " and agent " + agent.name() + " call each other, so it reaches agent " + agent.name()));
                previous = agent.name();
            }
            return new Witness(source, from.label(), List.copyOf(steps), placedAtSink);
        }

        private Finding finding(int agent, ClassifiedTool sink, Witness witness, Named named, Provenance surest) {
            String agentName = agents.get(agent).name();
            List<FlowStep> steps = new ArrayList<>(witness.steps().size() + 1);
            steps.addAll(witness.steps());
            steps.add(new FlowStep(sink.tool().location(), "agent " + agentName + " can call " + sink.id() + " ("
                    + sink.blastRadius().id() + (sink.approvalRequired() ? ", behind an approval gate" : "") + ")"));
            Severity severity = (sink.approvalRequired() ? guardedSeverity : sinkSeverity)
                    .getOrDefault(sink.blastRadius(), rule.severity());
            String message = template.fill(Map.of(
                    "sources", named.text(),
                    "source", witness.label(),
                    "agent", agentName,
                    "sink", sink.id(),
                    "class", sink.blastRadius().id(),
                    "guard", sink.approvalRequired() ? " The sink is behind an approval gate, so the path is guarded." : ""));
            return new Finding(rule.id(), severity, surest.weakest(sink.radiusProvenance()).precision(), agentName + ":" + sink.id(),
                    message, sink.tool().location(), steps, named.related(), Optional.empty());
        }

        /**
         * Breadth-first from all sources at once, seeded in key order: every agent keeps the first two
         * distinct sources that reach it, which are its two nearest (a source blocked at an agent that
         * has two already is beaten there by two others, which go on at no greater distance).
         */
        private Labels nearestSources() {
            Labels labels = new Labels(agents.size());
            int[] queue = new int[2 * agents.size()];
            int head = 0;
            int tail = 0;
            for (int s = 0; s < sources.size(); s++) {
                for (int a : sources.get(s).firstAgents()) {
                    int slot = labels.offer(a, s, NONE);
                    if (slot != NONE) {
                        queue[tail++] = slot;
                    }
                }
            }
            while (head < tail) {
                int slot = queue[head++];
                int from = slot / 2;
                int s = labels.source(slot);
                for (int b : neighbours[from]) {
                    int taken = labels.offer(b, s, from);
                    if (taken != NONE) {
                        queue[tail++] = taken;
                    }
                }
            }
            return labels;
        }

        /** The sources of one connected component of agents, in key order. */
        private final class Component {
            private final List<Integer> members = new ArrayList<>();
            private int surest = NONE;
            private int runnerUp = NONE;
            /** What findings name when no named source is excluded: index 0 with no source left out, 1 with one. */
            private final Named[] usual = new Named[2];

            void add(int source) {
                if (!members.isEmpty() && members.get(members.size() - 1) == source) {
                    return;
                }
                members.add(source);
                if (surest == NONE || stronger(source, surest)) {
                    runnerUp = surest;
                    surest = source;
                } else if (runnerUp == NONE || stronger(source, runnerUp)) {
                    runnerUp = source;
                }
            }

            private boolean stronger(int a, int b) {
                return sources.get(a).provenance().compareTo(sources.get(b).provenance()) < 0;
            }

            /** The provenance of the surest source other than {@code excluded}. */
            Provenance surest(int excluded) {
                return sources.get(surest == excluded ? runnerUp : surest).provenance();
            }

            /** The first sources other than {@code excluded} ({@link #NONE} or a member), and the count of all. */
            Named named(int excluded) {
                int total = members.size() - (excluded == NONE ? 0 : 1);
                boolean usualCase = !members.subList(0, Math.min(NAMED_SOURCES, members.size())).contains(excluded);
                int variant = members.size() - total;
                if (usualCase && usual[variant] != null) {
                    return usual[variant];
                }
                List<TaintSource> named = new ArrayList<>();
                List<RelatedLocation> related = new ArrayList<>();
                for (int i = 0; i < members.size() && named.size() < NAMED_SOURCES; i++) {
                    Source s = sources.get(members.get(i));
                    if (members.get(i) != excluded) {
                        TaintSource ts = s.named(named.size() + 1, total);
                        named.add(ts);
                        related.add(new RelatedLocation(s.location(), ts.message()));
                    }
                }
                Named result = new Named(TaintSource.names(named), List.copyOf(related));
                if (usualCase) {
                    usual[variant] = result;
                }
                return result;
            }
        }
    }

    /**
     * The two nearest distinct sources of every agent, with the agent before it on the path from
     * each ({@link #NONE} where the source enters the agent directly). Slots {@code 2a} and
     * {@code 2a + 1} belong to agent {@code a}.
     */
    private static final class Labels {
        private final int[] source;
        private final int[] parent;

        Labels(int agents) {
            source = new int[2 * agents];
            parent = new int[2 * agents];
            Arrays.fill(source, NONE);
        }

        int source(int slot) {
            return source[slot];
        }

        /** Labels agent {@code a} with source {@code s} unless it has it or two already; the slot taken or {@link #NONE}. */
        int offer(int a, int s, int from) {
            if (source[2 * a] == s || source[2 * a + 1] != NONE) {
                return NONE;
            }
            int slot = source[2 * a] == NONE ? 2 * a : 2 * a + 1;
            source[slot] = s;
            parent[slot] = from;
            return slot;
        }

        /** The nearest source of agent {@code a} other than {@code excluded}, or {@link #NONE}. */
        int nearest(int a, int excluded) {
            return source[2 * a] != excluded ? source[2 * a] : source[2 * a + 1];
        }

        /** The agents from where {@code s} enters to agent {@code a}. */
        List<Integer> path(int a, int s) {
            List<Integer> chain = new ArrayList<>();
            for (int at = a; at != NONE; at = parent[source[2 * at] == s ? 2 * at : 2 * at + 1]) {
                chain.add(at);
            }
            Collections.reverse(chain);
            return chain;
        }
    }

    /** The connected component of each agent, numbered by its first agent. */
    private static int[] components(int[][] neighbours) {
        int[] component = new int[neighbours.length];
        Arrays.fill(component, NONE);
        int[] stack = new int[neighbours.length];
        for (int start = 0; start < neighbours.length; start++) {
            if (component[start] != NONE) {
                continue;
            }
            component[start] = start;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int a = stack[--top];
                for (int b : neighbours[a]) {
                    if (component[b] == NONE) {
                        component[b] = start;
                        stack[top++] = b;
                    }
                }
            }
        }
        return component;
    }

    /** Reads a {@code class: severity} map from the rule body. */
    static Map<BlastRadius, Severity> severities(DocMap body, String key, Severity fallback) {
        Map<BlastRadius, Severity> out = new HashMap<>();
        body.map(key).ifPresent(m -> m.entries().forEach(e -> BlastRadius.parse(e.key()).ifPresent(b ->
                out.put(b, e.value().scalarText().map(Severity::parse).orElse(fallback)))));
        return out;
    }
}
