package dev.faultline.analysis;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.graph.CapabilityGraph;
import dev.faultline.model.AgentModel;
import dev.faultline.rules.RuleCatalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every analysis reads: the model, the classified tools (by id, in id order), the frozen graph
 * and the rule catalog.
 */
public record AnalysisContext(AgentModel model, Map<String, ClassifiedTool> tools, CapabilityGraph graph, RuleCatalog catalog) {

    public AnalysisContext {
        Map<String, ClassifiedTool> inIdOrder = new LinkedHashMap<>();
        new TreeMap<>(tools).forEach(inIdOrder::put);
        tools = Collections.unmodifiableMap(inIdOrder);
    }

    /** A classified tool by id. */
    public Optional<ClassifiedTool> tool(String id) {
        return Optional.ofNullable(tools.get(id));
    }

    /** All classified tools sorted by id. */
    public List<ClassifiedTool> sortedTools() {
        return List.copyOf(tools.values());
    }
}
