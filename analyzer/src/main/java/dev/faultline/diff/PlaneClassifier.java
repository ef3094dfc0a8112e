package dev.faultline.diff;

import dev.faultline.model.Manifest;
import dev.faultline.report.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts a changed file on a plane, with evidence. A manifest's {@code planes:} override wins; a Java
 * file is split into members (a member that carries a tool annotation, declares a tool, binds tools
 * to an agent or is reached by a tool body is control; a changed prompt string is data); other files
 * get the plane of their input kind or path row, or of the tool, server or prompt facts found in them.
 */
public final class PlaneClassifier {
    /** One compiled side: its folder, facts and manifests. */
    public record Side(Path root, SideFacts facts, List<Manifest> manifests) {
        public Side {
            manifests = List.copyOf(manifests);
        }
    }

    private static final String OVERRIDE_RULE = "faultline.yaml planes";

    private final PlaneRules rules;
    private final long maxFileBytes;

    public PlaneClassifier(PlaneRules rules, long maxFileBytes) {
        this.rules = rules;
        this.maxFileBytes = maxFileBytes;
    }

    /** The plane of one file that differs between {@code base} and {@code head}. */
    public FileChange classify(String path, Change change, Side base, Side head) {
        Set<String> kinds = new TreeSet<>(base.facts().inputKinds(path));
        kinds.addAll(head.facts().inputKinds(path));
        List<Manifest> manifests = change == Change.REMOVED ? base.manifests() : head.manifests();
        Optional<PlaneEvidence> byRule = rules.forFile(path, kinds, manifests);
        if (byRule.isPresent() && byRule.get().rule().equals(OVERRIDE_RULE)) {
            return new FileChange(path, change, byRule.get().plane(), List.of(byRule.get()), List.of());
        }
        if (path.endsWith(".java")) {
            Optional<FileChange> java = javaChange(path, change, base, head, byRule);
            if (java.isPresent()) {
                return java.get();
            }
        }
        List<PlaneEvidence> evidence = new ArrayList<>();
        byRule.ifPresent(evidence::add);
        Set<PlaneEvidence> facts = new LinkedHashSet<>(base.facts().in(path));
        facts.addAll(head.facts().in(path));
        evidence.addAll(facts);
        if (path.endsWith(".java") && evidence.isEmpty()) {
            evidence.add(new PlaneEvidence(Plane.NEITHER, "does not parse as Java, and no tool, agent or prompt was found in it",
                    "", Location.file(path)));
        }
        return fileChange(path, change, evidence, List.of());
    }

    private static FileChange fileChange(String path, Change change, List<PlaneEvidence> evidence, List<MemberChange> members) {
        Plane plane = Plane.NEITHER;
        for (PlaneEvidence e : evidence) {
            plane = plane.and(e.plane());
        }
        for (MemberChange m : members) {
            plane = plane.and(m.plane());
        }
        List<PlaneEvidence> shown = evidence.isEmpty() && members.isEmpty()
                ? List.of(new PlaneEvidence(Plane.NEITHER, "no plane rule matches, and no tool, server or prompt was found in it", "",
                        Location.file(path)))
                : evidence;
        return new FileChange(path, change, plane, shown, members.stream().sorted().toList());
    }

    private Optional<FileChange> javaChange(String path, Change change, Side base, Side head, Optional<PlaneEvidence> byRule) {
        Optional<Map<String, JavaMembers.Member>> before = change == Change.ADDED ? Optional.of(Map.of()) : members(path, base);
        Optional<Map<String, JavaMembers.Member>> after = change == Change.REMOVED ? Optional.of(Map.of()) : members(path, head);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> renamed = signatureChanges(before.get(), after.get());
        Set<String> keys = new TreeSet<>(before.get().keySet());
        keys.removeAll(renamed.keySet());
        keys.addAll(after.get().keySet());
        List<MemberChange> changes = new ArrayList<>();
        for (String key : keys) {
            JavaMembers.Member b = before.get().get(renamed.entrySet().stream().filter(r -> r.getValue().equals(key))
                    .map(Map.Entry::getKey).findFirst().orElse(key));
            JavaMembers.Member a = after.get().get(key);
            if (b != null && a != null && b.code().equals(a.code()) && b.prompts().equals(a.prompts())) {
                continue;
            }
            changes.add(member(path, key, b, a, base, head, before.get(), after.get()));
        }
        List<PlaneEvidence> evidence = new ArrayList<>();
        byRule.ifPresent(evidence::add);
        if (changes.isEmpty() && evidence.isEmpty()) {
            evidence.add(new PlaneEvidence(Plane.NEITHER, "only imports, comments or formatting changed", "", Location.file(path)));
        }
        return Optional.of(fileChange(path, change, evidence, changes));
    }

    /**
     * Methods whose parameter list changed, base key to head key: a name that has exactly one
     * unmatched member on each side is the same member with a new signature.
     */
    private static Map<String, String> signatureChanges(Map<String, JavaMembers.Member> before, Map<String, JavaMembers.Member> after) {
        Map<String, List<String>> gone = new java.util.TreeMap<>();
        Map<String, List<String>> come = new java.util.TreeMap<>();
        before.keySet().stream().filter(k -> !after.containsKey(k) && k.contains("("))
                .forEach(k -> gone.computeIfAbsent(k.substring(0, k.indexOf('(')), x -> new ArrayList<>()).add(k));
        after.keySet().stream().filter(k -> !before.containsKey(k) && k.contains("("))
                .forEach(k -> come.computeIfAbsent(k.substring(0, k.indexOf('(')), x -> new ArrayList<>()).add(k));
        Map<String, String> out = new java.util.TreeMap<>();
        gone.forEach((name, keys) -> {
            List<String> added = come.getOrDefault(name, List.of());
            if (keys.size() == 1 && added.size() == 1) {
                out.put(keys.get(0), added.get(0));
            }
        });
        return out;
    }

    private MemberChange member(String path, String key, JavaMembers.Member before, JavaMembers.Member after, Side base, Side head,
                                Map<String, JavaMembers.Member> baseMembers, Map<String, JavaMembers.Member> headMembers) {
        Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.MODIFIED;
        boolean promptChanged = !Objects.equals(before == null ? "" : before.prompts(), after == null ? "" : after.prompts());
        boolean codeChanged = before == null || after == null || !before.code().equals(after.code());
        Set<PlaneEvidence> evidence = new LinkedHashSet<>();
        if (promptChanged) {
            JavaMembers.Member m = after != null && !after.prompts().isEmpty() ? after : before;
            String source = m.promptRule().orElse("prompt");
            boolean annotated = source.contains(" @");
            evidence.add(new PlaneEvidence(Plane.DATA, "prompt text " + (change == Change.MODIFIED ? "changed" : change.id())
                    + (annotated ? " in " + source.substring(source.indexOf(" @") + 1) : " (" + source + ")"),
                    annotated ? source.substring(0, source.indexOf(" @")) : "prompt", Location.at(path, m.beginLine(), 0)));
        }
        if (codeChanged) {
            if (after != null) {
                evidence.addAll(control(path, after, head, headMembers));
            }
            if (before != null && evidence.stream().noneMatch(e -> e.plane() == Plane.CONTROL)) {
                evidence.addAll(control(path, before, base, baseMembers));
            }
        }
        Plane plane = Plane.NEITHER;
        for (PlaneEvidence e : evidence) {
            plane = plane.and(e.plane());
        }
        if (evidence.isEmpty()) {
            JavaMembers.Member m = after != null ? after : before;
            evidence.add(new PlaneEvidence(Plane.NEITHER, "declares no tool, no tool body reaches it, and it carries no prompt",
                    "", Location.at(path, m.beginLine(), 0)));
        }
        return new MemberChange(key, change, plane, List.copyOf(evidence));
    }

    private static List<PlaneEvidence> control(String path, JavaMembers.Member m, Side side, Map<String, JavaMembers.Member> all) {
        List<PlaneEvidence> out = new ArrayList<>(ownControl(path, m, side));
        if (out.isEmpty() && m.methodName().isPresent()) {
            toolCaller(path, m, side, all).ifPresent(tool -> out.add(new PlaneEvidence(Plane.CONTROL,
                    "called from the body of tool method " + tool.key(), "tool-body", Location.at(path, m.beginLine(), 0))));
        }
        return out;
    }

    /** What makes a member control plane by itself: a tool annotation, or a tool, agent or credential fact inside it. */
    private static List<PlaneEvidence> ownControl(String path, JavaMembers.Member m, Side side) {
        List<PlaneEvidence> out = new ArrayList<>();
        m.toolRule().ifPresent(rule -> out.add(new PlaneEvidence(Plane.CONTROL, "carries a tool annotation", rule,
                Location.at(path, m.beginLine(), 0))));
        side.facts().in(path, m.beginLine(), m.endLine()).stream().filter(e -> e.plane() == Plane.CONTROL).forEach(out::add);
        return out;
    }

    /**
     * A tool method of the same class whose body calls {@code m}, directly or through other methods of
     * the class. Calls into other classes are covered by the tools' own code evidence.
     */
    private static Optional<JavaMembers.Member> toolCaller(String path, JavaMembers.Member m, Side side,
                                                           Map<String, JavaMembers.Member> all) {
        List<JavaMembers.Member> sameType = all.values().stream().filter(o -> o.type().equals(m.type())).toList();
        for (JavaMembers.Member tool : sameType) {
            if (tool == m || tool.toolRule().isEmpty() && ownControl(path, tool, side).stream()
                    .noneMatch(e -> e.rule().equals("tool") || e.rule().startsWith("java-tool"))) {
                continue;
            }
            Set<String> reached = new TreeSet<>(tool.calls());
            List<String> work = new ArrayList<>(reached);
            while (!work.isEmpty()) {
                String name = work.remove(work.size() - 1);
                for (JavaMembers.Member callee : sameType) {
                    if (callee.methodName().filter(name::equals).isPresent()) {
                        callee.calls().stream().filter(reached::add).forEach(work::add);
                    }
                }
            }
            if (reached.contains(m.methodName().orElseThrow())) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, JavaMembers.Member>> members(String path, Side side) {
        Path file = side.root().resolve(path);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > maxFileBytes) {
                return Optional.empty();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return JavaMembers.read(text, rules, side.facts().promptLines(path));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
