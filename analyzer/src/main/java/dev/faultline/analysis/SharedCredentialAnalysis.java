package dev.faultline.analysis;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.CredentialRef;
import dev.faultline.report.Finding;
import dev.faultline.report.RelatedLocation;
import dev.faultline.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One credential that several tools of different blast radius act with: the weaker tools hold the
 * stronger tools' authority (a read-only tool with a write-scoped token), and one leak or misuse
 * reaches them all. Keyed by credential name.
 */
public final class SharedCredentialAnalysis implements Analysis {

    @Override
    public String kind() {
        return "shared-credential";
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        BlastRadius atLeast = rule.body().string("strongest-at-least").flatMap(BlastRadius::parse).orElse(BlastRadius.IRREVERSIBLE);
        Map<String, List<ClassifiedTool>> byCredential = new TreeMap<>();
        Map<String, CredentialRef> firstRef = new TreeMap<>();
        for (ClassifiedTool t : ctx.sortedTools()) {
            for (CredentialRef c : t.tool().credentials()) {
                List<ClassifiedTool> users = byCredential.computeIfAbsent(c.name(), k -> new ArrayList<>());
                if (!users.contains(t)) {
                    users.add(t);
                }
                firstRef.merge(c.name(), c, (a, b) -> a.location().compareTo(b.location()) <= 0 ? a : b);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<ClassifiedTool>> e : byCredential.entrySet()) {
            List<ClassifiedTool> users = e.getValue();
            TreeSet<BlastRadius> classes = new TreeSet<>();
            users.forEach(t -> classes.add(t.blastRadius()));
            if (users.size() < 2 || classes.size() < 2 || classes.last().compareTo(atLeast) < 0) {
                continue;
            }
            List<RelatedLocation> related = users.stream()
                    .map(t -> new RelatedLocation(t.tool().location(), t.id() + " (" + t.blastRadius().id() + ") uses " + e.getKey()))
                    .toList();
            List<String> weaker = users.stream().filter(t -> t.blastRadius().compareTo(classes.last()) < 0).map(ClassifiedTool::id).toList();
            String message = FindingText.fill(rule.message(), Map.of(
                    "credential", e.getKey(),
                    "count", String.valueOf(users.size()),
                    "strongest", classes.last().id(),
                    "weaker", String.join(", ", weaker)));
            findings.add(new Finding(rule.id(), rule.severity(), "high", e.getKey(), message,
                    firstRef.get(e.getKey()).location(), List.of(), related, Optional.empty()));
        }
        return findings;
    }
}
