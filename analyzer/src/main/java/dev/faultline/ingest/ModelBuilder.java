package dev.faultline.ingest;

import dev.faultline.doc.DocException;
import dev.faultline.model.Agent;
import dev.faultline.model.AgentDecl;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.EntryPoint;
import dev.faultline.model.Manifest;
import dev.faultline.model.Prompt;
import dev.faultline.model.Server;
import dev.faultline.model.Tool;
import dev.faultline.model.ToolPattern;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import dev.faultline.report.Location;
import dev.faultline.report.Notification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Collects what the ingesters read, then {@link #build resolves} it into an immutable, sorted
 * {@link AgentModel}: tools linked to their servers' credentials, agents' tool patterns resolved,
 * and every assumption written down as a notification.
 */
public final class ModelBuilder {
    /** The agent assumed to hold every tool when nothing declares an agent. */
    public static final String IMPLICIT_AGENT = "default-agent";

    private final Map<String, Tool> tools = new TreeMap<>();
    private final Map<String, Server> servers = new TreeMap<>();
    private final List<AgentDecl> agentDecls = new ArrayList<>();
    private final List<Manifest> manifests = new ArrayList<>();
    private final List<Prompt> prompts = new ArrayList<>();
    private final Map<String, InputFile> inputs = new TreeMap<>();
    private final List<Notification> notifications = new ArrayList<>();

    /** Adds a tool; a second tool with the same id is dropped with a warning naming both places. */
    public void addTool(Tool tool) {
        Tool earlier = tools.putIfAbsent(tool.id(), tool);
        if (earlier != null && !earlier.location().equals(tool.location())) {
            Tool first = earlier.location().compareTo(tool.location()) <= 0 ? earlier : tool;
            Tool second = first == earlier ? tool : earlier;
            tools.put(tool.id(), first);
            notify("warning", "duplicate-tool", "tool " + tool.id() + " is defined again at "
                    + second.location().display() + "; using " + first.location().display(), second.location());
        }
    }

    /** Adds a server; servers with the same name from two configs keep the first by path. */
    public void addServer(Server server) {
        Server earlier = servers.putIfAbsent(server.name(), server);
        if (earlier != null && !earlier.location().equals(server.location())) {
            notify("warning", "duplicate-server", "MCP server " + server.name() + " is configured again at "
                    + server.location().display() + "; both are kept as one server", server.location());
            List<CredentialRef> creds = new ArrayList<>(earlier.credentials());
            creds.addAll(server.credentials());
            servers.put(server.name(), new Server(earlier.name(), earlier.transport(), earlier.command(), earlier.args(),
                    earlier.url(), earlier.location(), creds, earlier.toolsKnown() || server.toolsKnown()));
        }
    }

    /** Adds an agent declared by a manifest or by code. */
    public void addAgent(AgentDecl agent) {
        agentDecls.add(agent);
    }

    /** Adds a project manifest (its agents are added too). */
    public void addManifest(Manifest manifest) {
        manifests.add(manifest);
        manifest.agents().forEach(this::addAgent);
    }

    /** Adds data-plane text bound to an agent. */
    public void addPrompt(Prompt prompt) {
        prompts.add(prompt);
    }

    /** Records that a file was read as {@code kind}; a file already recorded as failed stays failed. */
    public void scanned(SourceFile file, String kind) {
        record(InputFile.scanned(file.path(), kind));
    }

    private void record(InputFile input) {
        InputFile before = inputs.get(input.path());
        if (before == null || before.status() != InputStatus.FAILED || input.status() == InputStatus.FAILED) {
            inputs.put(input.path(), input); // a part of a file that could not be read keeps it failed
        }
    }

    /** Records that a file was deliberately not read, and why. */
    public void skipped(String path, String reason) {
        inputs.put(path, InputFile.skipped(path, reason));
    }

    /** Records that a file could not be read; its findings may be missing. */
    public void failed(SourceFile file, String kind, DocException why) {
        inputs.put(file.path(), InputFile.failed(file.path(), kind, why.getMessage(), why.location()));
    }

    /** True when the file at {@code path} has been recorded as scanned, skipped or failed. */
    public boolean hasInput(String path) {
        return inputs.containsKey(path);
    }

    private Progress progress = Progress.NONE;

    /** Where readers report how far a long scan has got (nothing is shown by default). */
    public ModelBuilder withProgress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** The progress display readers report to. */
    public Progress progress() {
        return progress;
    }

    /** Records something the scan could not know or assumed. */
    public void notify(String level, String id, String message, Location location) {
        notifications.add(new Notification(level, id, message, location));
    }

    /**
     * Records a note that only matters while no agent can call any tool of {@code toolset} (e.g. "tools
     * of this MCP server are served to external clients: declare the client agent").
     */
    public void notifyWhileUnbound(String toolset, String level, String id, String message, Location location) {
        unboundNotes.add(new UnboundNote(toolset, new Notification(level, id, message, location)));
    }

    private final List<UnboundNote> unboundNotes = new ArrayList<>();

    /**
     * What this builder has been given, as values, before {@link #build} resolves anything: one part
     * of a scan read on its own (one framework file of a Java tree) and replayed into the scan's
     * builder, possibly from a cache.
     */
    public record Recording(List<Tool> tools, List<AgentDecl> agents, List<Prompt> prompts, List<InputFile> inputs,
                            List<Notification> notifications, List<UnboundNote> unboundNotes) {
        public Recording {
            tools = List.copyOf(tools);
            agents = List.copyOf(agents);
            prompts = List.copyOf(prompts);
            inputs = List.copyOf(inputs);
            notifications = List.copyOf(notifications);
            unboundNotes = List.copyOf(unboundNotes);
        }
    }

    /** A note given to {@link #notifyWhileUnbound}. */
    public record UnboundNote(String toolset, Notification note) {
    }

    /** What this builder holds so far (tools, agents, prompts, inputs, notes), in the order given; servers and manifests are not recorded. */
    public Recording recording() {
        if (!servers.isEmpty() || !manifests.isEmpty()) {
            throw new IllegalStateException("servers and manifests are not recorded");
        }
        return new Recording(List.copyOf(tools.values()), agentDecls, prompts, List.copyOf(inputs.values()), notifications,
                unboundNotes);
    }

    /** Gives this builder everything {@code recording} holds, as if each had been given here. */
    public void replay(Recording recording) {
        recording.tools().forEach(this::addTool);
        recording.agents().forEach(this::addAgent);
        recording.prompts().forEach(this::addPrompt);
        recording.inputs().forEach(this::record);
        notifications.addAll(recording.notifications());
        unboundNotes.addAll(recording.unboundNotes());
    }

    /** Resolves and freezes the model. */
    public AgentModel build() {
        linkServers();
        List<Agent> agents = resolveAgents();
        Set<String> bound = agents.stream().flatMap(a -> a.tools().stream()).collect(Collectors.toSet());
        Set<String> declaredBound = agents.stream().filter(Agent::declared).flatMap(a -> a.tools().stream()).collect(Collectors.toSet());
        for (UnboundNote n : unboundNotes) {
            if (tools.values().stream().noneMatch(t -> t.toolset().equals(n.toolset()) && declaredBound.contains(t.id()))) {
                notifications.add(n.note());
            }
        }
        for (Tool t : tools.values()) {
            if (!bound.contains(t.id())) {
                notify("note", "unbound-tool", "tool " + t.id() + " is bound to no agent", t.location());
            }
        }
        return new AgentModel(
                List.copyOf(tools.values()),
                List.copyOf(servers.values()),
                agents,
                prompts.stream().sorted(java.util.Comparator.comparing(Prompt::location)).toList(),
                manifests.stream().sorted(java.util.Comparator.comparing(Manifest::path)).toList(),
                List.copyOf(inputs.values()),
                notifications.stream().sorted().distinct().toList());
    }

    private void linkServers() {
        for (Server s : servers.values()) {
            List<Tool> served = tools.values().stream().filter(t -> t.toolset().equals(s.name())).toList();
            if (served.isEmpty()) {
                Tool unknown = new Tool(Tool.idOf(s.name(), "*"), s.name(), "*", "mcp-config",
                        "every tool of MCP server " + s.name() + " (no tools/list snapshot found)",
                        s.location(), List.of(), List.of(), s.credentials());
                tools.put(unknown.id(), unknown);
                notify("warning", "tools-not-enumerable", "tools of MCP server " + s.name()
                        + " are not enumerable: no tools/list snapshot found; assuming the worst for all of them", s.location());
            } else {
                for (Tool t : served) {
                    tools.put(t.id(), t.withCredentials(s.credentials()));
                }
            }
        }
    }

    private List<Agent> resolveAgents() {
        toolsByName = null;
        Map<String, List<AgentDecl>> byName = new TreeMap<>();
        agentDecls.forEach(d -> byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d));
        if (byName.isEmpty()) {
            if (tools.isEmpty()) {
                return List.of();
            }
            Location where = tools.values().iterator().next().location();
            notify("note", "implicit-agent", "no agent is declared (faultline.yaml or code): assuming one agent, "
                    + IMPLICIT_AGENT + ", can call every tool", Location.file(where.path()));
            return List.of(new Agent(IMPLICIT_AGENT, "assumed: one agent that can call every tool found", false,
                    Location.file(""), List.of(), List.copyOf(tools.keySet()), List.of()));
        }
        List<Agent> agents = new ArrayList<>();
        for (Map.Entry<String, List<AgentDecl>> e : byName.entrySet()) {
            List<AgentDecl> decls = e.getValue();
            // The code that binds the tools is the agent's place; a manifest entry only adds to it.
            decls.sort(java.util.Comparator.comparing((AgentDecl d) -> d.declaredBy().equals("manifest"))
                    .thenComparing(AgentDecl::location));
            Set<String> toolIds = new java.util.TreeSet<>();
            Set<String> calls = new java.util.TreeSet<>();
            List<EntryPoint> entries = new ArrayList<>();
            String description = "";
            for (AgentDecl d : decls) {
                for (String p : d.toolPatterns()) {
                    ToolPattern pattern = ToolPattern.of(p);
                    // a pattern without '*' names one id or one name: looked up, not matched against every tool
                    java.util.Collection<Tool> candidates = p.contains("*") ? tools.values()
                            : pattern.qualified() ? java.util.Optional.ofNullable(tools.get(p)).stream().toList()
                            : byToolName().getOrDefault(p, List.of());
                    List<String> matched = candidates.stream()
                            .filter(t -> inScope(t, d.scope()) && pattern.matches(t))
                            .map(Tool::id).toList();
                    if (matched.isEmpty()) {
                        notify("warning", "pattern-matches-nothing", "agent " + d.name() + ": tool pattern '" + p
                                + "' matches no tool", d.location());
                    }
                    toolIds.addAll(matched);
                }
                for (String c : d.calls()) {
                    if (c.equals(d.name())) {
                        notify("warning", "self-call", "agent " + d.name() + " lists itself in calls; ignored", d.location());
                    } else if (byName.containsKey(c)) {
                        calls.add(c);
                    } else {
                        notify("warning", "unknown-agent", "agent " + d.name() + " calls unknown agent '" + c + "'", d.location());
                    }
                }
                entries.addAll(d.entryPoints());
                if (description.isEmpty()) {
                    description = d.description();
                }
            }
            Set<String> seenEntries = new LinkedHashSet<>();
            List<EntryPoint> uniqueEntries = entries.stream().filter(ep -> seenEntries.add(ep.name()))
                    .sorted(java.util.Comparator.comparing(EntryPoint::name)).toList();
            agents.add(new Agent(e.getKey(), description, true, decls.get(0).location(), uniqueEntries,
                    List.copyOf(toolIds), List.copyOf(calls)));
        }
        return agents;
    }

    private Map<String, List<Tool>> toolsByName;

    /** Tools by bare name, in id order (built once per resolution). */
    private Map<String, List<Tool>> byToolName() {
        if (toolsByName == null) {
            toolsByName = new java.util.HashMap<>();
            tools.values().forEach(t -> toolsByName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t));
        }
        return toolsByName;
    }

    private static boolean inScope(Tool t, String scope) {
        return scope.isEmpty() || t.location().path().startsWith(scope + "/");
    }
}
