package dev.faultline.diff;

import dev.faultline.model.ApprovalGate;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Manifest;
import dev.faultline.model.ToolPattern;
import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.AgentView;
import dev.faultline.report.CredentialView;
import dev.faultline.report.Evidence;
import dev.faultline.report.Location;
import dev.faultline.report.Report;
import dev.faultline.report.ServerView;
import dev.faultline.report.ToolView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The capability-scope diff: what the agent can do on head that it could not on base, and what it
 * no longer can, one {@link ScopeChange} per change, compared by tool id, credential, server and
 * agent name (never by line).
 */
public final class CapabilityDiff {
    private CapabilityDiff() {
    }

    /** Every change of authority from {@code base} to {@code head}, sorted by subject and kind. */
    public static List<ScopeChange> between(ScanResult base, ScanResult head) {
        Report b = base.report();
        Report h = head.report();
        List<ScopeChange> rows = new ArrayList<>();
        tools(byKey(b.tools(), ToolView::id), byKey(h.tools(), ToolView::id), base, rows);
        credentials(byKey(b.credentials(), CredentialView::name), byKey(h.credentials(), CredentialView::name),
                byKey(h.tools(), ToolView::id), byKey(b.tools(), ToolView::id), rows);
        servers(byKey(b.servers(), ServerView::name), byKey(h.servers(), ServerView::name), rows);
        agents(byKey(b.agents(), AgentView::name), byKey(h.agents(), AgentView::name), byKey(h.tools(), ToolView::id),
                byKey(b.tools(), ToolView::id), rows);
        return rows.stream().sorted().toList();
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> m = new TreeMap<>();
        items.forEach(i -> m.putIfAbsent(key.apply(i), i));
        return m;
    }

    private static void tools(Map<String, ToolView> before, Map<String, ToolView> after, ScanResult base, List<ScopeChange> rows) {
        for (ToolView t : after.values()) {
            ToolView old = before.get(t.id());
            if (old == null) {
                Evidence why = deciding(t);
                rows.add(new ScopeChange("tool-added", t.id(), "", t.blastRadius() + flags(t), t.blastRadius(),
                        why.detail() + " [" + why.provenance() + "]", why.location()));
                continue;
            }
            int raised = rank(t.blastRadius()) - rank(old.blastRadius());
            if (raised != 0) {
                Evidence why = deciding(raised > 0 ? t : old);
                rows.add(new ScopeChange(raised > 0 ? "blast-radius-raised" : "blast-radius-lowered", t.id(), old.blastRadius(),
                        t.blastRadius(), t.blastRadius(), why.detail() + " [" + why.provenance() + "]", why.location()));
            }
            if (!old.parameters().equals(t.parameters())) {
                rows.add(new ScopeChange("tool-parameters-changed", t.id(), String.join(", ", old.parameters()),
                        String.join(", ", t.parameters()), t.blastRadius(), "the parameters the model fills in changed", t.location()));
            }
            if (!old.description().equals(t.description())) {
                rows.add(new ScopeChange("tool-description-changed", t.id(), old.description(), t.description(), t.blastRadius(),
                        "the description the model reads to choose the tool changed", t.location()));
            }
            flag(rows, "untrusted-output-gained", t, !old.untrustedOutput() && t.untrustedOutput(), "untrusted-output");
            flag(rows, "private-data-gained", t, !old.privateData() && t.privateData(), "private-data");
            if (old.approvalRequired() != t.approvalRequired()) {
                Location where = approval(base.model().manifests(), t.id()).map(ApprovalGate::location).orElse(t.location());
                rows.add(new ScopeChange(t.approvalRequired() ? "approval-added" : "approval-removed", t.id(),
                        old.approvalRequired() ? "human approval" : "none", t.approvalRequired() ? "human approval" : "none",
                        t.blastRadius(), t.approvalRequired() ? "an approval gate in faultline.yaml now matches this tool"
                        : "no approval gate in faultline.yaml matches this tool any more", where));
            }
        }
        for (ToolView old : before.values()) {
            if (!after.containsKey(old.id())) {
                rows.add(new ScopeChange("tool-removed", old.id(), old.blastRadius() + flags(old), "", old.blastRadius(),
                        "the tool is no longer declared", old.location()));
            }
        }
    }

    private static void flag(List<ScopeChange> rows, String kind, ToolView t, boolean gained, String fact) {
        if (gained) {
            Evidence why = t.evidence().stream().filter(e -> e.fact().equals(fact) && e.value().equals("true")).findFirst()
                    .orElse(deciding(t));
            rows.add(new ScopeChange(kind, t.id(), "false", "true", t.blastRadius(), why.detail() + " [" + why.provenance() + "]",
                    why.location()));
        }
    }

    private static Optional<ApprovalGate> approval(List<Manifest> manifests, String toolId) {
        return manifests.stream().flatMap(m -> m.approvals().stream())
                .filter(g -> ToolPattern.of(g.toolPattern()).regex().matcher(toolId).matches()).findFirst();
    }

    private static void credentials(Map<String, CredentialView> before, Map<String, CredentialView> after,
                                    Map<String, ToolView> headTools, Map<String, ToolView> baseTools, List<ScopeChange> rows) {
        for (CredentialView c : after.values()) {
            CredentialView old = before.get(c.name());
            if (old == null) {
                rows.add(new ScopeChange("credential-added", c.name(), "", c.kind() + " used by " + String.join(", ", c.tools()),
                        worst(c.tools(), headTools), "credential " + c.name() + " (" + c.kind() + ") is read here", c.location()));
                continue;
            }
            Set<String> added = new TreeSet<>(c.scopes());
            added.removeAll(old.scopes());
            if (!added.isEmpty()) {
                rows.add(new ScopeChange("scope-added", c.name(), String.join(" ", old.scopes()), String.join(" ", c.scopes()),
                        worst(c.tools(), headTools), "new scopes: " + String.join(" ", added), c.location()));
            }
            Set<String> newUsers = new TreeSet<>(c.tools());
            newUsers.removeAll(old.tools());
            if (!newUsers.isEmpty()) {
                rows.add(new ScopeChange("credential-shared", c.name(), String.join(", ", old.tools()), String.join(", ", c.tools()),
                        worst(c.tools(), headTools), "now also used by " + String.join(", ", newUsers), c.location()));
            }
        }
        for (CredentialView old : before.values()) {
            if (!after.containsKey(old.name())) {
                rows.add(new ScopeChange("credential-removed", old.name(), old.kind() + " used by " + String.join(", ", old.tools()),
                        "", worst(old.tools(), baseTools), "no tool uses it any more", old.location()));
            }
        }
    }

    private static void servers(Map<String, ServerView> before, Map<String, ServerView> after, List<ScopeChange> rows) {
        for (ServerView s : after.values()) {
            ServerView old = before.get(s.name());
            if (old == null) {
                rows.add(new ScopeChange("server-added", s.name(), "", s.launch(), "", s.transport() + " server " + s.name()
                        + " (" + s.tools().size() + " known tools)", s.location()));
            } else if (!old.launch().equals(s.launch())) {
                rows.add(new ScopeChange("server-launch-changed", s.name(), old.launch(), s.launch(), "",
                        "the command or URL that starts the server changed", s.location()));
            }
        }
        for (ServerView old : before.values()) {
            if (!after.containsKey(old.name())) {
                rows.add(new ScopeChange("server-removed", old.name(), old.launch(), "", "", "the server is no longer configured",
                        old.location()));
            }
        }
    }

    private static void agents(Map<String, AgentView> before, Map<String, AgentView> after, Map<String, ToolView> headTools,
                               Map<String, ToolView> baseTools, List<ScopeChange> rows) {
        for (AgentView a : after.values()) {
            AgentView old = before.get(a.name());
            if (old == null) {
                rows.add(new ScopeChange("agent-added", a.name(), "", String.join(", ", a.tools()), worst(a.tools(), headTools),
                        (a.declared() ? "agent declared here" : "agent assumed (nothing declares one)"), a.location()));
                continue;
            }
            for (String t : a.tools()) {
                if (!old.tools().contains(t)) {
                    rows.add(new ScopeChange("agent-gains-tool", a.name() + " -> " + t, "", t,
                            worst(List.of(t), headTools), "tool " + t + " is bound to agent " + a.name(), a.location()));
                }
            }
            for (String t : old.tools()) {
                if (!a.tools().contains(t)) {
                    rows.add(new ScopeChange("agent-loses-tool", a.name() + " -> " + t, t, "", worst(List.of(t), baseTools),
                            "tool " + t + " is no longer bound to agent " + a.name(), a.location()));
                }
            }
            for (String c : a.calls()) {
                if (!old.calls().contains(c)) {
                    rows.add(new ScopeChange("agent-gains-call", a.name() + " -> " + c, "", c, "",
                            "agent " + a.name() + " now calls or hands off to " + c, a.location()));
                }
            }
        }
        for (AgentView old : before.values()) {
            if (!after.containsKey(old.name())) {
                rows.add(new ScopeChange("agent-removed", old.name(), String.join(", ", old.tools()), "",
                        worst(old.tools(), baseTools), "the agent is no longer declared", old.location()));
            }
        }
    }

    /** The evidence that set a tool's class. */
    static Evidence deciding(ToolView t) {
        return t.evidence().stream().filter(e -> e.fact().equals("blast-radius") && e.value().equals(t.blastRadius()))
                .findFirst()
                .orElse(new Evidence("blast-radius", t.blastRadius(), t.provenance(), "nothing known: assumed " + t.blastRadius(),
                        "", t.location(), List.of()));
    }

    private static String flags(ToolView t) {
        List<String> f = new ArrayList<>();
        if (t.untrustedOutput()) {
            f.add("untrusted-output");
        }
        if (t.privateData()) {
            f.add("private-data");
        }
        if (t.approvalRequired()) {
            f.add("approval");
        }
        return f.isEmpty() ? "" : " (" + String.join(", ", f) + ")";
    }

    private static int rank(String blastRadius) {
        return BlastRadius.parse(blastRadius).map(Enum::ordinal).orElse(-1);
    }

    private static String worst(List<String> toolIds, Map<String, ToolView> tools) {
        return toolIds.stream().map(tools::get).filter(java.util.Objects::nonNull).map(ToolView::blastRadius)
                .max(Comparator.comparingInt(CapabilityDiff::rank)).orElse("");
    }
}
