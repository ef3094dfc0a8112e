package dev.faultline.report;

import java.util.List;

/**
 * Everything one scan found, in a fixed order: the machine contract every writer renders.
 * Lists are sorted by their natural keys by whoever builds the report; writers never re-sort.
 */
public record Report(
        ToolInfo tool,
        List<InputFile> inputs,
        List<Notification> notifications,
        List<AgentView> agents,
        List<ToolView> tools,
        List<CredentialView> credentials,
        List<ServerView> servers,
        List<Finding> findings,
        List<RuleDescriptor> rules) {

    public Report {
        inputs = List.copyOf(inputs);
        notifications = List.copyOf(notifications);
        agents = List.copyOf(agents);
        tools = List.copyOf(tools);
        credentials = List.copyOf(credentials);
        servers = List.copyOf(servers);
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /** Findings that are not suppressed. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(Finding::isActive).toList();
    }

    /** Findings grouped by rule, in the order of {@link #rules()}; rules without findings are left out. */
    public java.util.Map<String, List<Finding>> findingsByRule() {
        java.util.Map<String, List<Finding>> groups = new java.util.LinkedHashMap<>();
        rules.forEach(r -> groups.put(r.id(), new java.util.ArrayList<>()));
        findings.forEach(f -> groups.computeIfAbsent(f.ruleId(), id -> new java.util.ArrayList<>()).add(f));
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    /** True when some input could not be read, so findings may be missing. */
    public boolean hasFailedInputs() {
        return inputs.stream().anyMatch(i -> i.status() == InputStatus.FAILED);
    }
}
