package dev.faultline.diff;

import dev.faultline.report.Finding;
import dev.faultline.report.TaintSource;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings that exist on head but not on base ({@code added}) and the reverse ({@code fixed}),
 * matched by rule id and stable key, so moved code changes nothing. A composition whose key grew
 * (the same rule in the same agent, with more tools) lists its base finding as {@code widened}, not
 * fixed; one whose key shrank lists its head finding as {@code narrowed}, not new. {@code headlines}
 * say the worst of it in one sentence each: "this PR opens a taint path from X to Y in agent A".
 */
public record FindingDelta(List<Finding> added, List<Finding> fixed, List<Finding> widened, List<Finding> narrowed,
                           List<String> headlines) {

    public FindingDelta {
        added = List.copyOf(added);
        fixed = List.copyOf(fixed);
        widened = List.copyOf(widened);
        narrowed = List.copyOf(narrowed);
        headlines = List.copyOf(headlines);
    }

    /** Compares the active findings of two scans. */
    public static FindingDelta between(List<Finding> base, List<Finding> head, RuleCatalog catalog) {
        Set<String> baseKeys = new HashSet<>();
        base.forEach(f -> baseKeys.add(id(f)));
        Set<String> headKeys = new HashSet<>();
        head.forEach(f -> headKeys.add(id(f)));
        List<Finding> appeared = head.stream().filter(f -> !baseKeys.contains(id(f))).sorted().toList();
        List<Finding> gone = base.stream().filter(f -> !headKeys.contains(id(f))).sorted().toList();
        List<Finding> added = new ArrayList<>();
        List<Finding> narrowed = new ArrayList<>();
        for (Finding f : appeared) {
            boolean shrank = isComposition(f, catalog) && gone.stream().anyMatch(old -> sameComposition(old, f)
                    && members(old).containsAll(members(f)));
            (shrank ? narrowed : added).add(f);
        }
        List<Finding> fixed = new ArrayList<>();
        List<Finding> widened = new ArrayList<>();
        for (Finding f : gone) {
            boolean grew = isComposition(f, catalog) && added.stream().anyMatch(n -> sameComposition(f, n)
                    && members(n).containsAll(members(f)));
            boolean shrank = narrowed.stream().anyMatch(n -> sameComposition(f, n) && members(f).containsAll(members(n)));
            if (grew) {
                widened.add(f);
            } else if (!shrank) {
                fixed.add(f);
            }
        }
        List<String> headlines = new ArrayList<>();
        for (Finding f : added) {
            String kind = catalog.rule(f.ruleId()).map(Rule::kind).orElse("");
            if (kind.equals("taint")) {
                String sources = TaintSource.names(f.related().stream().flatMap(r -> TaintSource.parse(r.message()).stream()).toList());
                headlines.add("This PR opens a taint path " + (sources.isEmpty() ? "" : "from " + sources + " ")
                        + "to " + f.key().substring(f.key().indexOf(':') + 1) + " in agent " + agent(f)
                        + " (" + f.severity().id() + ").");
            } else if (kind.equals("composition")) {
                String name = catalog.rule(f.ruleId()).map(Rule::name).orElse(f.ruleId());
                List<Finding> before = widened.stream().filter(w -> w.ruleId().equals(f.ruleId()) && agent(w).equals(agent(f))).toList();
                Set<String> newMembers = new TreeSet<>(members(f));
                before.forEach(w -> newMembers.removeAll(members(w)));
                String what = f.ruleId().replace('-', ' ');
                headlines.add(before.isEmpty()
                        ? "This PR completes a " + what + " in agent " + agent(f) + ": " + String.join(" + ", members(f))
                                + " (" + name + "; " + f.severity().id() + ")."
                        : "This PR widens a " + what + " in agent " + agent(f) + ": " + String.join(" + ", newMembers)
                                + " joins it (" + name + "; " + f.severity().id() + ").");
            }
        }
        return new FindingDelta(added, fixed, widened, narrowed, headlines);
    }

    private static boolean sameComposition(Finding a, Finding b) {
        return a.ruleId().equals(b.ruleId()) && agent(a).equals(agent(b));
    }

    private static boolean isComposition(Finding f, RuleCatalog catalog) {
        return catalog.rule(f.ruleId()).map(r -> r.kind().equals("composition")).orElse(false);
    }

    private static String id(Finding f) {
        return f.ruleId() + "\u0000" + f.key();
    }

    /** The agent of an {@code agent:...} key, or {@code ""}. */
    private static String agent(Finding f) {
        int colon = f.key().indexOf(':');
        return colon < 0 ? "" : f.key().substring(0, colon);
    }

    /** The tools of an {@code agent:a+b+c} key. */
    private static Set<String> members(Finding f) {
        return new TreeSet<>(Arrays.asList(f.key().substring(f.key().indexOf(':') + 1).split("\\+")));
    }
}
