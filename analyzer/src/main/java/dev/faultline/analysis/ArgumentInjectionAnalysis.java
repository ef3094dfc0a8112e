package dev.faultline.analysis;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Finding;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code argument-injection} engine: each {@code argument-flow} signal of a tool
 * ({@code <sink>:<param>}, recorded by a code ingester when a model-chosen parameter reaches SQL, a
 * command, a path or a URL host unchecked) becomes a finding keyed {@code <tool>:<param>-><sink>},
 * located at the sink call, with the flow as its steps. The rule body may narrow the sinks:
 * {@code argument-injection: {sinks: [sql, command]}}; without it every sink counts.
 */
public final class ArgumentInjectionAnalysis implements Analysis {
    /** The signal kind this engine reads. */
    public static final String SIGNAL = "argument-flow";

    @Override
    public String kind() {
        return "argument-injection";
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext context) {
        Set<String> sinks = new TreeSet<>(RuleCatalog.strings(rule.body(), "sinks"));
        List<Finding> out = new ArrayList<>();
        for (ClassifiedTool classified : context.sortedTools()) {
            Tool tool = classified.tool();
            for (Signal s : tool.signals()) {
                if (!s.kind().equals(SIGNAL)) {
                    continue;
                }
                int colon = s.value().indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String sink = s.value().substring(0, colon);
                String param = s.value().substring(colon + 1);
                if (!sinks.isEmpty() && !sinks.contains(sink)) {
                    continue;
                }
                String message = rule.message().replace("{tool}", tool.id()).replace("{param}", param).replace("{sink}", sink);
                out.add(new Finding(rule.id(), rule.severity(), "medium", tool.id() + ":" + param + "->" + sink, message,
                        s.location(), s.chain(), List.of(), Optional.empty()));
            }
        }
        return out.stream().sorted().distinct().toList();
    }
}
