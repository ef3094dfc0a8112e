package dev.faultline.analysis;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.model.Agent;
import dev.faultline.model.EntryPoint;
import dev.faultline.model.Provenance;
import dev.faultline.report.Finding;
import dev.faultline.report.Location;
import dev.faultline.report.RelatedLocation;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import dev.faultline.rules.RuleFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Capabilities that one agent holds together and that enable a harm none has alone (the lethal
 * trifecta: private data + untrusted input + external send). The rule body lists roles, each
 * filled by any tool with a given flag or capability, or by an untrusted entry point; an agent
 * that fills every role gets one finding keyed {@code agent:participants} (sorted, joined by {@code +}).
 */
public final class CompositionAnalysis implements Analysis {

    @Override
    public String kind() {
        return "composition";
    }

    private record Condition(String type, String value) {
    }

    private record Role(String name, List<Condition> anyOf) {
    }

    private record Participant(String key, String label, Location location, Provenance provenance) {
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        List<Role> roles = roles(rule);
        List<Finding> findings = new ArrayList<>();
        for (Agent agent : ctx.model().agents()) {
            List<ClassifiedTool> tools = agent.tools().stream().map(id -> ctx.tool(id).orElseThrow()).sorted().toList();
            List<Participant> chosen = new ArrayList<>();
            List<String> roleNames = new ArrayList<>();
            for (Role role : roles) {
                Optional<Participant> p = fill(role, agent, tools);
                if (p.isEmpty()) {
                    break;
                }
                chosen.add(p.get());
                roleNames.add(role.name());
            }
            if (chosen.size() != roles.size()) {
                continue;
            }
            TreeSet<String> keys = new TreeSet<>();
            chosen.forEach(p -> keys.add(p.key()));
            List<RelatedLocation> related = new ArrayList<>();
            Provenance weakest = Provenance.OVERRIDE;
            StringBuilder parts = new StringBuilder();
            for (int i = 0; i < chosen.size(); i++) {
                Participant p = chosen.get(i);
                related.add(new RelatedLocation(p.location(), roleNames.get(i) + ": " + p.label()));
                weakest = weakest.weakest(p.provenance());
                parts.append(i == 0 ? "" : "; ").append(roleNames.get(i)).append(" from ").append(p.label());
            }
            Location where = agent.location().path().isEmpty() ? chosen.get(0).location() : agent.location();
            String message = FindingText.fill(rule.message(), Map.of("agent", agent.name(), "parts", parts.toString()));
            findings.add(new Finding(rule.id(), rule.severity(), weakest.precision(),
                    agent.name() + ":" + String.join("+", keys), message, where, List.of(), related, Optional.empty()));
        }
        return findings;
    }

    private static Optional<Participant> fill(Role role, Agent agent, List<ClassifiedTool> tools) {
        for (Condition c : role.anyOf()) {
            if (c.type().equals("entry")) {
                for (EntryPoint e : agent.entryPoints()) {
                    if (e.untrusted() == c.value().equals("untrusted")) {
                        return Optional.of(new Participant("entry:" + e.name(), "entry point " + e.name(), e.location(),
                                Provenance.DECLARED));
                    }
                }
                continue;
            }
            for (ClassifiedTool t : tools) {
                Optional<Provenance> why = satisfies(c, t);
                if (why.isPresent()) {
                    return Optional.of(new Participant(t.id(), t.id(), t.tool().location(), why.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Provenance> satisfies(Condition c, ClassifiedTool t) {
        return switch (c.type()) {
            case "flag" -> switch (c.value()) {
                case "untrusted-output" -> t.untrustedOutput() ? Optional.of(t.untrustedProvenance()) : Optional.empty();
                case "private-data" -> t.privateData() ? Optional.of(t.privateProvenance()) : Optional.empty();
                default -> Optional.empty();
            };
            case "capability" -> t.capabilities().contains(c.value()) ? Optional.of(capabilityProvenance(t, c.value())) : Optional.empty();
            case "class" -> t.blastRadius().id().equals(c.value()) ? Optional.of(t.radiusProvenance()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Provenance capabilityProvenance(ClassifiedTool t, String capability) {
        return t.evidence().stream().filter(e -> e.fact().equals("capability") && e.value().equals(capability))
                .map(e -> Provenance.parse(e.provenance()).orElseThrow()).min(Enum::compareTo).orElse(Provenance.DEFAULT);
    }

    private static List<Role> roles(Rule rule) {
        List<Role> roles = new ArrayList<>();
        for (DocNode n : rule.body().list("roles").map(l -> l.items()).orElse(List.of())) {
            DocMap r = n.asMap().orElseThrow(() -> new RuleFileException("a role must be a mapping", n.location()));
            List<Condition> conditions = new ArrayList<>();
            for (DocNode c : r.list("any-of").map(l -> l.items()).orElse(List.of())) {
                DocMap cm = c.asMap().orElseThrow(() -> new RuleFileException("a condition must be a mapping", c.location()));
                for (DocMap.Entry e : cm.entries()) {
                    if (!List.of("flag", "capability", "class", "entry").contains(e.key())) {
                        throw new RuleFileException("unknown condition '" + e.key() + "' (flag, capability, class, entry)", e.keyLocation());
                    }
                    conditions.add(new Condition(e.key(), e.value().scalarText().orElse("")));
                }
            }
            if (conditions.isEmpty()) {
                throw new RuleFileException("role needs at least one any-of condition", r.location());
            }
            roles.add(new Role(RuleCatalog.strings(r, "name").stream().findFirst().orElse("role"), conditions));
        }
        if (roles.isEmpty()) {
            throw new RuleFileException("composition rule " + rule.id() + " has no roles", rule.location());
        }
        return roles;
    }
}
