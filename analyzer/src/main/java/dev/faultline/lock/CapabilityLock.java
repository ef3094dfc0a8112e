package dev.faultline.lock;

import dev.faultline.report.AgentView;
import dev.faultline.report.CredentialView;
import dev.faultline.report.DisplayText;
import dev.faultline.report.EntryPointView;
import dev.faultline.report.Finding;
import dev.faultline.report.Report;
import dev.faultline.report.ServerView;
import dev.faultline.report.ToolView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code faultline.lock}: the agent's authority as one sorted fact per line (agents and their tools,
 * calls and entry points; tools with class, flags, approval, parameters and credentials; credentials
 * with kind and scopes; servers with their launch line; active finding keys), so a change to it reads
 * as a plain line diff in review. No locations or line numbers: moving code does not stale it.
 */
public final class CapabilityLock {
    /** The lock's file name, next to the project's {@code faultline.yaml}. */
    public static final String FILE_NAME = "faultline.lock";

    private static final String HEADER = """
            # faultline.lock: the authority of the agents in this folder, one fact per line.
            # Written by `faultline lock`; `faultline check` fails when the code no longer matches it.
            # Review a change to this file as a change of what the agent can do (CODEOWNERS: security).
            """;

    private CapabilityLock() {
    }

    /** The lock's facts for a report, sorted. */
    public static List<String> facts(Report report) {
        Set<String> lines = new TreeSet<>();
        for (AgentView a : report.agents()) {
            String agent = "agent " + one(a.name());
            lines.add(agent + (a.declared() ? " declared" : " assumed"));
            a.tools().forEach(t -> lines.add(agent + " tool " + one(t)));
            a.calls().forEach(c -> lines.add(agent + " calls " + one(c)));
            for (EntryPointView e : a.entryPoints()) {
                lines.add(agent + " entry-point " + one(e.name()) + " " + one(e.trust()));
            }
        }
        for (ToolView t : report.tools()) {
            String tool = "tool " + one(t.id());
            lines.add(tool + " class " + t.blastRadius());
            lines.add(tool + " untrusted-output " + t.untrustedOutput());
            lines.add(tool + " private-data " + t.privateData());
            lines.add(tool + " approval " + (t.approvalRequired() ? "required" : "none"));
            lines.add(tool + " parameters " + (t.parameters().isEmpty() ? "-" : one(String.join(", ", t.parameters()))));
            t.credentials().forEach(c -> lines.add(tool + " credential " + one(c)));
        }
        for (CredentialView c : report.credentials()) {
            lines.add("credential " + one(c.name()) + " kind " + c.kind());
            c.scopes().forEach(s -> lines.add("credential " + one(c.name()) + " scope " + one(s)));
        }
        for (ServerView s : report.servers()) {
            lines.add("server " + one(s.name()) + " " + s.transport() + " " + one(s.launch()));
        }
        for (Finding f : report.activeFindings()) {
            lines.add("finding " + f.ruleId() + " " + one(f.key()));
        }
        return List.copyOf(lines);
    }

    /** The lock file's text: a comment header, {@code version 1}, then the facts. */
    public static String render(Report report) {
        StringBuilder text = new StringBuilder(HEADER).append("version 1\n");
        facts(report).forEach(f -> text.append(f).append('\n'));
        return text.toString();
    }

    /** Compares a committed lock's text with the facts of a report. */
    public static LockDifference compare(String committed, Report report) {
        Set<String> locked = new TreeSet<>();
        for (String line : committed.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("version ")) {
                locked.add(l);
            }
        }
        Set<String> now = new TreeSet<>(facts(report));
        List<String> added = new ArrayList<>(now);
        added.removeAll(locked);
        List<String> removed = new ArrayList<>(locked);
        removed.removeAll(now);
        return new LockDifference(added, removed);
    }

    private static String one(String text) {
        return DisplayText.sanitize(text).strip();
    }
}
