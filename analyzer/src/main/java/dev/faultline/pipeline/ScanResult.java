package dev.faultline.pipeline;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.graph.CapabilityGraph;
import dev.faultline.model.AgentModel;
import dev.faultline.report.Report;
import java.util.Map;

/** Everything one scan produced: the model, the classified tools, the graph and the report. */
public record ScanResult(AgentModel model, Map<String, ClassifiedTool> tools, CapabilityGraph graph, Report report) {
}
