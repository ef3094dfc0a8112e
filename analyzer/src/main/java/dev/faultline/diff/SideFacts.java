package dev.faultline.diff;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.model.Agent;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Prompt;
import dev.faultline.model.Server;
import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.Evidence;
import dev.faultline.report.FlowStep;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import dev.faultline.report.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one compiled side (base or head) knows about where authority and prompts live: tool
 * declarations, the code their bodies reach, credentials, agent bindings and servers (control), and
 * prompts (data), each as a located {@link PlaneEvidence}; plus the kind each input was read as.
 */
public final class SideFacts {
    private final Map<String, List<PlaneEvidence>> byFile = new TreeMap<>();
    private final Map<String, Set<String>> inputKinds = new TreeMap<>();

    private SideFacts() {
    }

    /** No facts: the side of a file that does not exist. */
    public static SideFacts empty() {
        return new SideFacts();
    }

    /** The facts of a scan. */
    public static SideFacts of(ScanResult scan) {
        SideFacts f = new SideFacts();
        for (ClassifiedTool t : scan.tools().values().stream().sorted().toList()) {
            String id = t.id();
            f.add(Plane.CONTROL, "declares tool " + id + " (" + t.blastRadius().id() + ")", "tool", t.tool().location());
            for (Evidence e : t.evidence()) {
                if (e.provenance().equals("code") && !e.location().path().isEmpty()) {
                    f.add(Plane.CONTROL, "reached by tool " + id + ": " + e.detail(), e.rule(), e.location());
                    for (FlowStep step : e.chain()) {
                        f.add(Plane.CONTROL, "on the call chain of tool " + id + ": " + step.message(), e.rule(), step.location());
                    }
                }
            }
            for (CredentialRef c : t.tool().credentials()) {
                f.add(Plane.CONTROL, "credential " + c.name() + " of tool " + id, "credential", c.location());
            }
        }
        for (Agent a : scan.model().agents()) {
            if (a.declared()) {
                f.add(Plane.CONTROL, "binds tools to agent " + a.name(), "agent", a.location());
            }
        }
        for (Server s : scan.model().servers()) {
            f.add(Plane.CONTROL, "declares server " + s.name() + " (" + s.launch() + ")", "server", s.location());
        }
        for (Prompt p : scan.model().prompts()) {
            String owner = p.agent().isEmpty() ? "" : " of " + p.agent();
            f.add(Plane.DATA, (p.role().isEmpty() ? "prompt" : p.role() + " prompt") + owner, "prompt", p.location());
        }
        for (InputFile in : scan.report().inputs()) {
            if (in.status() != InputStatus.SKIPPED && !in.kind().isEmpty()) {
                f.inputKinds.computeIfAbsent(in.path(), k -> new TreeSet<>()).add(in.kind());
            }
        }
        return f;
    }

    private void add(Plane plane, String detail, String rule, Location where) {
        if (where.path().isEmpty()) {
            return;
        }
        byFile.computeIfAbsent(where.path(), k -> new ArrayList<>()).add(new PlaneEvidence(plane, detail, rule, where));
    }

    /** The facts located in a file. */
    public List<PlaneEvidence> in(String path) {
        return byFile.getOrDefault(path, List.of());
    }

    /** The facts located in a file between two lines (inclusive). */
    public List<PlaneEvidence> in(String path, int fromLine, int toLine) {
        return in(path).stream().filter(e -> e.location().startLine() >= fromLine && e.location().startLine() <= toLine).toList();
    }

    /** The lines of a file where prompts were found. */
    public Set<Integer> promptLines(String path) {
        Set<Integer> lines = new TreeSet<>();
        in(path).stream().filter(e -> e.plane() == Plane.DATA).forEach(e -> lines.add(e.location().startLine()));
        return lines;
    }

    /** The kinds the pipeline read a file as ({@code mcp-tools}, {@code java}, ...). */
    public Set<String> inputKinds(String path) {
        return inputKinds.getOrDefault(path, Set.of());
    }
}
