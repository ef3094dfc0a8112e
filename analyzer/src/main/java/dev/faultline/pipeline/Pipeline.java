package dev.faultline.pipeline;

import dev.faultline.analysis.Analysis;
import dev.faultline.analysis.AnalysisContext;
import dev.faultline.classify.ClassifiedTool;
import dev.faultline.classify.Classifier;
import dev.faultline.doc.ReadLimits;
import dev.faultline.graph.CapabilityGraph;
import dev.faultline.ingest.Discovery;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.java.FactsCache;
import dev.faultline.model.AgentModel;
import dev.faultline.model.Manifest;
import dev.faultline.model.SuppressionRule;
import dev.faultline.model.ToolPattern;
import dev.faultline.report.Finding;
import dev.faultline.report.Notification;
import dev.faultline.report.Suppression;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ingest → model → classify → graph → analyses → report. The one way every command compiles a
 * tree, so scan, diff, lock and the test harness all see the same findings.
 */
public final class Pipeline {
    private final RuleCatalog catalog;
    private final ReadLimits limits;
    private final Optional<FactsCache> cache;
    private final Map<String, Analysis> engines = Analyses.byKind();

    public Pipeline(RuleCatalog catalog, ReadLimits limits) {
        this(catalog, limits, Optional.empty());
    }

    /** A pipeline whose Java reader keeps and reuses facts in {@code cache} (never one inside a scanned tree). */
    public Pipeline(RuleCatalog catalog, ReadLimits limits, Optional<FactsCache> cache) {
        this.catalog = catalog;
        this.limits = limits;
        this.cache = cache;
        for (Rule r : catalog.rules()) {
            if (!engines.containsKey(r.kind())) {
                throw new IllegalStateException(r.location().path() + ": rule " + r.id() + " has kind '" + r.kind()
                        + "', which no engine runs (known: " + String.join(", ", engines.keySet()) + ")");
            }
        }
    }

    /**
     * This pipeline, for scans that should read what they have in common once (the two trees of a
     * diff, the commits of a history): with its facts cache, or else with one in memory only, fresh
     * for each call.
     */
    public Pipeline sharingReads() {
        return cache.isPresent() ? this : new Pipeline(catalog, limits, Optional.of(FactsCache.inMemory()));
    }

    /** The rule catalog in use. */
    public RuleCatalog catalog() {
        return catalog;
    }

    /** Scans the given paths (folders or files). Paths in the report are relative to them. */
    public ScanResult scan(List<Path> paths) {
        return scan(paths, dev.faultline.ingest.Progress.NONE);
    }

    /** Scans the given paths, reporting how far reading has got to {@code progress}. */
    public ScanResult scan(List<Path> paths, dev.faultline.ingest.Progress progress) {
        ModelBuilder builder = new ModelBuilder().withProgress(progress);
        List<Discovery.Root> roots = ScanRoots.of(paths);
        Optional<FactsCache> usable = cache.filter(c -> roots.stream().noneMatch(r -> c.isInside(r.path())));
        cache.filter(c -> usable.isEmpty()).ifPresent(c -> builder.notify("warning", "cache-not-used", "the facts cache "
                + c.folder().orElseThrow() + " is inside the scanned tree, which could write it; the scan reads every file instead",
                dev.faultline.report.Location.file("")));
        new Discovery(limits, Ingesters.documents(), Ingesters.projects(catalog, limits, usable)).scan(roots, builder);
        return compile(builder.build(), roots);
    }

    /** Classifies, builds the graph and runs every rule over an already-read model (no inline suppressions). */
    public ScanResult compile(AgentModel model) {
        return compile(model, List.of());
    }

    /**
     * Classifies, builds the graph and runs every rule over an already-read model; {@code roots} are
     * where its files lie, for {@code faultline:ignore} comments.
     */
    public ScanResult compile(AgentModel model, List<Discovery.Root> roots) {
        Map<String, ClassifiedTool> tools = new Classifier(catalog).classify(model);
        CapabilityGraph graph = CapabilityGraph.build(model, tools);
        AnalysisContext ctx = new AnalysisContext(model, tools, graph, catalog);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : catalog.rules()) {
            findings.addAll(engines.get(rule.kind()).run(rule, ctx));
        }
        List<Notification> notes = new ArrayList<>(model.notifications());
        List<InlineSuppressions.Comment> comments = InlineSuppressions.read(model.inputs(), roots, notes);
        findings = suppress(findings, model.manifests(), comments, notes);
        findings = dedupe(findings);
        AgentModel noted = new AgentModel(model.tools(), model.servers(), model.agents(), model.prompts(), model.manifests(),
                model.inputs(), notes.stream().sorted().distinct().toList());
        return new ScanResult(noted, tools, graph, ReportAssembler.assemble(noted, tools, findings, catalog));
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        return findings.stream().sorted().filter(f -> seen.add(f.ruleId() + "\u0000" + f.key())).toList();
    }

    private List<Finding> suppress(List<Finding> findings, List<Manifest> manifests, List<InlineSuppressions.Comment> comments,
                                   List<Notification> notes) {
        List<Finding> out = new ArrayList<>();
        Set<SuppressionRule> used = new HashSet<>();
        Set<InlineSuppressions.Comment> usedComments = new HashSet<>();
        for (Finding f : findings) {
            Finding result = f;
            java.util.Optional<dev.faultline.report.Severity> floor = catalog.rule(f.ruleId()).flatMap(Rule::unsuppressibleAt);
            if (floor.isPresent() && f.severity().atLeast(floor.get())) {
                out.add(f);
                continue;
            }
            for (InlineSuppressions.Comment c : comments) {
                if (c.covers(f.ruleId(), f.location())) {
                    usedComments.add(c);
                    if (result.isActive()) {
                        result = f.suppressed(new Suppression("inSource", c.reason(), c.location()));
                    }
                }
            }
            for (Manifest m : manifests) {
                for (SuppressionRule s : m.suppressions()) {
                    if (s.ruleId().equals(f.ruleId()) && ToolPattern.of(s.keyPattern()).regex().matcher(f.key()).matches()
                            && (m.scope().isEmpty() || f.location().path().startsWith(m.scope() + "/"))) {
                        used.add(s);
                        if (result.isActive()) {
                            result = f.suppressed(new Suppression("external", s.reason(), s.location()));
                        }
                    }
                }
            }
            out.add(result);
        }
        for (InlineSuppressions.Comment c : comments) {
            if (!usedComments.contains(c)) {
                notes.add(new Notification("warning", "stale-suppression", "faultline:ignore " + c.ruleId()
                        + " silences no finding (or only one that cannot be suppressed); remove it", c.location()));
            }
        }
        for (Manifest m : manifests) {
            for (SuppressionRule s : m.suppressions()) {
                if (!used.contains(s)) {
                    notes.add(new Notification("warning", "stale-suppression", "suppression of " + s.ruleId() + " '" + s.keyPattern()
                            + "' matches no finding; remove it", s.location()));
                }
            }
        }
        return out;
    }
}
