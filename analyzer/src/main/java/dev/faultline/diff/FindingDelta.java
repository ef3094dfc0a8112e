package dev.faultline.diff;

import dev.faultline.analysis.TaintReach;
import dev.faultline.report.Finding;
import dev.faultline.report.RelatedLocation;
import dev.faultline.report.TaintSource;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings that exist on head but not on base ({@code added}) and the reverse ({@code fixed}),
 * matched by rule id and stable key, so moved code changes nothing. A composition whose key grew
 * (the same rule in the same agent, with more tools) lists its base finding as {@code widened}, not
 * fixed; one whose key shrank lists its head finding as {@code narrowed}, not new.
 *
 * <p>A taint path keeps its key {@code agent:sink} whichever sources reach it, so it is compared
 * source by source instead: for a taint finding active on both sides, every untrusted source that
 * reaches it on each side (from {@link TaintReach}, not only the three the finding names) is
 * matched by identity (tool id, or entry point and agent). When a source reaches it on head only, the
 * path widened (even if another source left): its head finding is listed as {@code widened}. When
 * sources only left, its head finding is {@code narrowed}. {@code sources} holds each such change with
 * the sources that joined and left.
 *
 * <p>{@code headlines} say the worst of it in one sentence each: "this PR opens a taint path from X
 * to Y in agent A", "this PR widens a taint path to Y in agent A: X joins its sources".
 */
public record FindingDelta(List<Finding> added, List<Finding> fixed, List<Finding> widened, List<Finding> narrowed,
                           List<SourceChange> sources, List<String> headlines) {

    public FindingDelta {
        added = List.copyOf(added);
        fixed = List.copyOf(fixed);
        widened = List.copyOf(widened);
        narrowed = List.copyOf(narrowed);
        sources = List.copyOf(sources);
        headlines = List.copyOf(headlines);
    }

    /** The taint paths that exist on both sides and gained a source, in finding order. */
    public List<SourceChange> widenedSources() {
        return sources.stream().filter(SourceChange::widens).toList();
    }

    /** The taint paths that exist on both sides and only lost sources, in finding order. */
    public List<SourceChange> narrowedSources() {
        return sources.stream().filter(c -> !c.widens()).toList();
    }

    /**
     * Compares the active findings of two scans; {@code baseReach} and {@code headReach} are the
     * untrusted sources of each side, which decide whether a taint path on both sides widened.
     */
    public static FindingDelta between(List<Finding> base, List<Finding> head, RuleCatalog catalog, TaintReach baseReach,
                                       TaintReach headReach) {
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
        List<SourceChange> changes = sourceChanges(base, head, catalog, baseReach, headReach);
        List<Finding> narrowedPaths = new ArrayList<>(narrowed);
        for (SourceChange c : changes) {
            (c.widens() ? widened : narrowedPaths).add(c.head());
        }
        widened.sort(null);
        narrowedPaths.sort(null);
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
        for (SourceChange c : changes) {
            if (c.widens()) {
                List<TaintSource> joined = c.joinedSources();
                headlines.add("This PR widens a taint path to " + c.sink() + " in agent " + c.agent() + ": " + SourceChange.names(joined)
                        + (joined.size() == 1 ? " joins" : " join") + " its sources (" + c.head().severity().id() + ").");
            }
        }
        return new FindingDelta(added, fixed, widened, narrowedPaths, changes, headlines);
    }

    /** The taint findings active on both sides whose full source sets differ, in finding order. */
    private static List<SourceChange> sourceChanges(List<Finding> base, List<Finding> head, RuleCatalog catalog, TaintReach baseReach,
                                                    TaintReach headReach) {
        Map<String, Finding> before = new HashMap<>();
        base.stream().filter(f -> isTaint(f, catalog)).forEach(f -> before.put(id(f), f));
        Map<String, Boolean> agentChanged = new HashMap<>();
        List<SourceChange> out = new ArrayList<>();
        for (Finding f : head.stream().filter(f -> isTaint(f, catalog)).sorted().toList()) {
            Finding old = before.get(id(f));
            String agent = agent(f);
            if (old == null || !agentChanged.computeIfAbsent(agent, a -> !keys(baseReach.of(a)).equals(keys(headReach.of(a))))) {
                continue;
            }
            String sink = f.key().substring(f.key().indexOf(':') + 1);
            List<TaintReach.Site> was = baseReach.sources(agent, sink);
            List<TaintReach.Site> is = headReach.sources(agent, sink);
            List<RelatedLocation> joined = only(is, keys(was));
            List<RelatedLocation> left = only(was, keys(is));
            if (!joined.isEmpty() || !left.isEmpty()) {
                out.add(new SourceChange(old, f, joined, left));
            }
        }
        return out;
    }

    private static Set<String> keys(List<TaintReach.Site> sites) {
        Set<String> keys = new HashSet<>();
        sites.forEach(s -> keys.add(s.key()));
        return keys;
    }

    /** The sites not in {@code other}, each ranked among all of {@code sites}. */
    private static List<RelatedLocation> only(List<TaintReach.Site> sites, Set<String> other) {
        List<RelatedLocation> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            TaintReach.Site s = sites.get(i);
            if (!other.contains(s.key())) {
                out.add(new RelatedLocation(s.location(), s.ranked(i + 1, sites.size()).message()));
            }
        }
        return out;
    }

    private static boolean isTaint(Finding f, RuleCatalog catalog) {
        return catalog.rule(f.ruleId()).map(r -> r.kind().equals("taint")).orElse(false);
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
