package dev.faultline.analysis;

import dev.faultline.report.Location;
import dev.faultline.report.TaintSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every untrusted source that reaches each agent's context, as {@link TaintAnalysis} counts them:
 * all the sources of the agent's connected component in the agent graph, in key order. A
 * {@code taint-path} finding keyed {@code agent:sink} has those of its agent except the sink itself,
 * and names only the first three; this has them all, so two scans can be compared source by source.
 */
public record TaintReach(Map<String, List<Site>> byAgent) {

    /** No agent reached by any source. */
    public static final TaintReach NONE = new TaintReach(Map.of());

    public TaintReach {
        byAgent = Map.copyOf(byAgent);
    }

    /**
     * One untrusted source: the output of tool {@code id} ({@code agent} is {@code ""}) or the
     * untrusted entry point {@code id} of {@code agent}, and where it is declared.
     */
    public record Site(boolean entryPoint, String agent, String id, Location location) {

        /** Identifies the source on either side of a change: the tool id, or {@code entry:agent/name}. */
        public String key() {
            return entryPoint ? "entry:" + agent + "/" + id : id;
        }

        /** The source as the {@code rank}-th of {@code total}. */
        public TaintSource ranked(int rank, int total) {
            return new TaintSource(rank, total, entryPoint, agent, id);
        }
    }

    /** The sources that reach {@code agent}, in key order; none for an agent no source reaches. */
    public List<Site> of(String agent) {
        return byAgent.getOrDefault(agent, List.of());
    }

    /** The sources of the finding {@code agent:sink}, in key order: those of the agent but the sink's own output. */
    public List<Site> sources(String agent, String sink) {
        List<Site> all = of(agent);
        List<Site> out = new ArrayList<>(all.size());
        for (Site s : all) {
            if (s.entryPoint() || !s.id().equals(sink)) {
                out.add(s);
            }
        }
        return out;
    }
}
