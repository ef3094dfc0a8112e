package dev.faultline.pipeline;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.model.Agent;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Server;
import dev.faultline.report.AgentView;
import dev.faultline.report.CredentialView;
import dev.faultline.report.EntryPointView;
import dev.faultline.report.Finding;

import dev.faultline.report.Report;
import dev.faultline.report.ServerView;
import dev.faultline.report.ToolInfo;
import dev.faultline.report.ToolView;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns the compiled model and findings into the {@link Report} contract, every list sorted. */
public final class ReportAssembler {
    /** The tool block of every report. */
    public static final ToolInfo TOOL = new ToolInfo("Faultline", Version.current(), "https://github.com/faultline-dev/faultline");

    private ReportAssembler() {
    }

    /** The report of one compiled tree. */
    public static Report assemble(AgentModel model, Map<String, ClassifiedTool> tools, List<Finding> findings, RuleCatalog catalog) {
        Map<String, List<String>> agentsOfTool = new TreeMap<>();
        for (Agent a : model.agents()) {
            a.tools().forEach(t -> agentsOfTool.computeIfAbsent(t, k -> new ArrayList<>()).add(a.name()));
        }
        List<ToolView> toolViews = new ArrayList<>();
        for (ClassifiedTool t : tools.values().stream().sorted().toList()) {
            toolViews.add(new ToolView(t.id(), t.tool().name(), t.tool().toolset(), t.tool().origin(), t.tool().description(),
                    t.tool().location(), t.blastRadius().id(), t.radiusProvenance().id(), t.untrustedOutput(), t.privateData(),
                    t.approvalRequired(), t.tool().parameters().stream().map(p -> p.name()).toList(),
                    List.copyOf(new TreeSet<>(t.capabilities())),
                    List.copyOf(new TreeSet<>(t.tool().credentials().stream().map(CredentialRef::name).toList())),
                    agentsOfTool.getOrDefault(t.id(), List.of()), t.evidence()));
        }
        List<AgentView> agentViews = model.agents().stream().map(a -> new AgentView(a.name(), a.description(), a.declared(),
                a.location(), a.entryPoints().stream().map(e -> new EntryPointView(e.name(), e.untrusted() ? "untrusted" : "trusted",
                        e.description(), e.location())).toList(), a.tools(), a.calls())).toList();
        return new Report(TOOL, model.inputs(), model.notifications(), agentViews, toolViews, credentials(tools),
                servers(model), findings.stream().sorted().toList(), catalog.rules().stream().map(Rule::descriptor).toList());
    }

    private static List<CredentialView> credentials(Map<String, ClassifiedTool> tools) {
        Map<String, CredentialRef> first = new TreeMap<>();
        Map<String, TreeSet<String>> scopes = new TreeMap<>();
        Map<String, TreeSet<String>> users = new TreeMap<>();
        for (ClassifiedTool t : tools.values()) {
            for (CredentialRef c : t.tool().credentials()) {
                first.merge(c.name(), c, (a, b) -> a.location().compareTo(b.location()) <= 0 ? a : b);
                scopes.computeIfAbsent(c.name(), k -> new TreeSet<>()).addAll(c.scopes());
                users.computeIfAbsent(c.name(), k -> new TreeSet<>()).add(t.id());
            }
        }
        List<CredentialView> out = new ArrayList<>();
        first.forEach((name, c) -> out.add(new CredentialView(name, c.kind(), c.location(), List.copyOf(scopes.get(name)),
                List.copyOf(users.get(name)))));
        return out;
    }

    private static List<ServerView> servers(AgentModel model) {
        List<ServerView> out = new ArrayList<>();
        for (Server s : model.servers()) {
            List<String> served = model.tools().stream().filter(t -> t.toolset().equals(s.name())).map(t -> t.id()).toList();
            out.add(new ServerView(s.name(), s.transport(), s.launch(), s.location(), served));
        }
        return out;
    }

}
