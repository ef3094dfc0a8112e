package dev.faultline.analysis;

import dev.faultline.report.Finding;
import dev.faultline.rules.Rule;
import java.util.List;

/**
 * One analysis engine: it runs every rule of its {@link #kind()} over the frozen model and graph
 * and returns findings. Engines read only the {@link AnalysisContext}, never raw files or syntax
 * trees; a rule's body (YAML) parameterises the engine.
 */
public interface Analysis {

    /** The rule kind this engine runs ({@code taint}, {@code composition}, ...). */
    String kind();

    /** The findings of one rule, in any order (the pipeline sorts). */
    List<Finding> run(Rule rule, AnalysisContext context);
}
