package dev.faultline.classify;

import dev.faultline.model.AgentModel;
import dev.faultline.model.ApprovalGate;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Manifest;
import dev.faultline.model.Provenance;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.model.ToolOverride;
import dev.faultline.model.ToolPattern;
import dev.faultline.report.Evidence;
import dev.faultline.report.FlowStep;
import dev.faultline.report.Location;
import dev.faultline.rules.Capability;
import dev.faultline.rules.ModelRow;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives every tool its blast radius and flags from evidence: model rows matched against the tool's
 * name words, description and signals, then the manifest's overrides and approval gates. The class
 * is the worst any non-default evidence supports; with no evidence at all it is
 * {@link BlastRadius#IRREVERSIBLE} with provenance {@code default}, as MCP's own hint defaults assume.
 */
public final class Classifier {
    private static final String FACT_RADIUS = "blast-radius";
    private static final String FLAG_UNTRUSTED = "untrusted-output";
    private static final String FLAG_PRIVATE = "private-data";

    private final RuleCatalog catalog;

    public Classifier(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** Classifies every tool of the model; the map is keyed by tool id. */
    public Map<String, ClassifiedTool> classify(AgentModel model) {
        Map<String, ClassifiedTool> out = new TreeMap<>();
        for (Tool t : model.tools()) {
            out.put(t.id(), classify(t, model.manifests()));
        }
        return out;
    }

    /** Classifies one tool under the given manifests. */
    public ClassifiedTool classify(Tool tool, List<Manifest> manifests) {
        List<Evidence> evidence = new ArrayList<>();
        Set<String> capabilities = new TreeSet<>();
        List<String> words = NameWords.of(tool.name());
        Set<String> wordSet = new HashSet<>(words);
        for (ModelRow row : catalog.rowsFor("name-word")) {
            if (!verbAllows(row, wordSet)) {
                continue;
            }
            for (String w : words) {
                if (row.matches(w)) {
                    apply(row, "name word '" + w + "'", tool.location(), List.of(), evidence, capabilities);
                    break;
                }
            }
        }
        String joined = String.join(" ", words);
        for (ModelRow row : catalog.rowsFor("name")) {
            if (verbAllows(row, wordSet) && row.matches(joined)) {
                apply(row, "name '" + tool.name() + "'", tool.location(), List.of(), evidence, capabilities);
            }
        }
        if (!tool.description().isBlank()) {
            for (ModelRow row : catalog.rowsFor("description")) {
                if (verbAllows(row, wordSet) && row.matches(tool.description())) {
                    apply(row, "description", tool.location(), List.of(), evidence, capabilities);
                }
            }
        }
        for (Signal s : tool.signals()) {
            for (ModelRow row : catalog.rowsFor(s.kind())) {
                if (row.matches(s.value())) {
                    apply(row, s.kind() + " " + s.value(), s.location(), s.chain(), evidence, capabilities);
                }
            }
        }
        for (CredentialRef c : tool.credentials()) {
            evidence.add(new Evidence("credential", c.name(), Provenance.DECLARED.id(),
                    c.kind() + " credential" + (c.scopes().isEmpty() ? "" : " with scopes " + String.join(" ", c.scopes())),
                    "", c.location(), List.of()));
        }

        BlastRadius radius = null;
        Provenance radiusProvenance = Provenance.DEFAULT;
        for (Evidence e : evidence) {
            if (e.fact().equals(FACT_RADIUS)) {
                BlastRadius b = BlastRadius.parse(e.value()).orElseThrow();
                Provenance p = Provenance.parse(e.provenance()).orElseThrow();
                if (radius == null || b.compareTo(radius) > 0 || b == radius && p.compareTo(radiusProvenance) < 0) {
                    radius = b;
                    radiusProvenance = p;
                }
            }
        }
        if (radius == null) {
            radius = BlastRadius.IRREVERSIBLE;
            evidence.add(new Evidence(FACT_RADIUS, radius.id(), Provenance.DEFAULT.id(),
                    "nothing declares or shows what this tool does; assuming the worst, as MCP's hint defaults do "
                            + "(destructiveHint and openWorldHint default to true)", "", tool.location(), List.of()));
        }
        FlagState untrusted = flag(evidence, FLAG_UNTRUSTED);
        FlagState priv = flag(evidence, FLAG_PRIVATE);

        for (Manifest m : manifests) {
            for (ToolOverride o : m.overrides()) {
                if (!inScope(tool, m) || !ToolPattern.of(o.toolPattern()).matches(tool)) {
                    continue;
                }
                String why = "override in " + m.path() + ": " + o.reason();
                if (o.blastRadius().isPresent()) {
                    radius = o.blastRadius().get();
                    radiusProvenance = Provenance.OVERRIDE;
                    evidence.add(new Evidence(FACT_RADIUS, radius.id(), Provenance.OVERRIDE.id(), why, "", o.location(), List.of()));
                }
                if (o.untrustedOutput().isPresent()) {
                    untrusted = new FlagState(o.untrustedOutput().get(), Provenance.OVERRIDE);
                    evidence.add(new Evidence(FLAG_UNTRUSTED, String.valueOf(untrusted.value), Provenance.OVERRIDE.id(), why, "",
                            o.location(), List.of()));
                }
                if (o.privateData().isPresent()) {
                    priv = new FlagState(o.privateData().get(), Provenance.OVERRIDE);
                    evidence.add(new Evidence(FLAG_PRIVATE, String.valueOf(priv.value), Provenance.OVERRIDE.id(), why, "",
                            o.location(), List.of()));
                }
            }
        }
        boolean approval = false;
        for (Manifest m : manifests) {
            for (ApprovalGate g : m.approvals()) {
                if (inScope(tool, m) && ToolPattern.of(g.toolPattern()).matches(tool)) {
                    approval = true;
                    evidence.add(new Evidence("approval", "required", Provenance.DECLARED.id(),
                            "approval gate in " + m.path() + ": " + g.reason(), "", g.location(), List.of()));
                }
            }
        }
        return new ClassifiedTool(tool, radius, radiusProvenance, untrusted.value, untrusted.provenance,
                priv.value, priv.provenance, capabilities, approval, evidence);
    }

    private record FlagState(boolean value, Provenance provenance) {
    }

    private static FlagState flag(List<Evidence> evidence, String fact) {
        Provenance best = null;
        for (Evidence e : evidence) {
            if (e.fact().equals(fact) && e.value().equals("true")) {
                Provenance p = Provenance.parse(e.provenance()).orElseThrow();
                best = best == null ? p : (p.compareTo(best) < 0 ? p : best);
            }
        }
        return best == null ? new FlagState(false, Provenance.DEFAULT) : new FlagState(true, best);
    }

    private static boolean verbAllows(ModelRow row, Set<String> words) {
        return row.onlyWithVerb().isEmpty() || row.onlyWithVerb().stream().anyMatch(words::contains);
    }

    private void apply(ModelRow row, String what, Location where, List<FlowStep> chain, List<Evidence> evidence,
                       Set<String> capabilities) {
        String provenance = row.provenance().id();
        String detail = row.detail().isEmpty() ? what : row.detail() + " (" + what + ")";
        BlastRadius cls = null;
        Set<String> flags = new TreeSet<>(row.flags());
        if (row.capability().isPresent()) {
            Capability c = catalog.capabilities().get(row.capability().get());
            capabilities.add(c.name());
            evidence.add(new Evidence("capability", c.name(), provenance, detail, row.id(), where, chain));
            cls = c.blastRadius();
            flags.addAll(c.flags());
        }
        if (row.blastRadius().isPresent()) {
            cls = cls == null ? row.blastRadius().get() : cls.max(row.blastRadius().get());
        }
        if (cls != null) {
            evidence.add(new Evidence(FACT_RADIUS, cls.id(), provenance, detail, row.id(), where, chain));
        }
        for (String f : flags) {
            evidence.add(new Evidence(f, "true", provenance, detail, row.id(), where, chain));
        }
    }

    private static boolean inScope(Tool tool, Manifest m) {
        return m.scope().isEmpty() || tool.location().path().startsWith(m.scope() + "/");
    }
}
