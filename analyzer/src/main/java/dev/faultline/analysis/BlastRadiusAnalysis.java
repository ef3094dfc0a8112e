package dev.faultline.analysis;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Provenance;
import dev.faultline.report.Evidence;
import dev.faultline.report.Finding;
import dev.faultline.report.FlowStep;
import dev.faultline.report.Severity;
import dev.faultline.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks each tool whose blast radius is in the rule's {@code classes} map, so reviewers see every
 * irreversible and privileged tool at its definition, with the evidence that decided it. Keyed
 * {@code tool=class}, so raising a tool's class is a new finding in a diff.
 */
public final class BlastRadiusAnalysis implements Analysis {

    @Override
    public String kind() {
        return "blast-radius";
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        Map<BlastRadius, Severity> classes = TaintAnalysis.severities(rule.body(), "classes", rule.severity());
        List<Finding> findings = new ArrayList<>();
        for (ClassifiedTool t : ctx.sortedTools()) {
            Severity severity = classes.get(t.blastRadius());
            if (severity == null) {
                continue;
            }
            Evidence decisive = t.evidence().stream()
                    .filter(e -> e.fact().equals("blast-radius") && e.value().equals(t.blastRadius().id())
                            && e.provenance().equals(t.radiusProvenance().id()))
                    .findFirst().orElseThrow();
            List<FlowStep> steps = new ArrayList<>(decisive.chain());
            String message = FindingText.fill(rule.message(), Map.of(
                    "tool", t.id(),
                    "class", t.blastRadius().id(),
                    "provenance", t.radiusProvenance().id(),
                    "because", decisive.detail(),
                    "credentials", t.tool().credentials().isEmpty() ? "no declared credential"
                            : "credentials " + String.join(", ", t.tool().credentials().stream().map(c -> c.name()).distinct().toList())));
            Provenance p = t.radiusProvenance();
            findings.add(new Finding(rule.id(), severity, p.precision(), t.id() + "=" + t.blastRadius().id(), message,
                    t.tool().location(), steps, List.of(), Optional.empty()));
        }
        return findings;
    }
}
