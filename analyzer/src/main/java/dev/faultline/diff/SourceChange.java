package dev.faultline.diff;

import dev.faultline.report.Finding;
import dev.faultline.report.RelatedLocation;
import dev.faultline.report.TaintSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A taint path on both sides of a change (same rule, same key {@code agent:sink}) whose untrusted
 * sources differ, counted in full on each side (not only the three a finding names): {@code joined}
 * reach it on head only, {@code left} on base only. Each is a related location whose message is a
 * {@link TaintSource} ranked among all the sources of its side. The path widens when a source joined,
 * even if another left; it narrows when sources only left.
 */
public record SourceChange(Finding base, Finding head, List<RelatedLocation> joined, List<RelatedLocation> left) {
    private static final int NAMED = 3;

    public SourceChange {
        joined = List.copyOf(joined);
        left = List.copyOf(left);
    }

    /** True when some source reaches the path on head that did not on base. */
    public boolean widens() {
        return !joined.isEmpty();
    }

    /** The sources that joined, in key order. */
    public List<TaintSource> joinedSources() {
        return sources(joined);
    }

    /** The sources that left, in key order. */
    public List<TaintSource> leftSources() {
        return sources(left);
    }

    /** The sink of the path: its key after the agent. */
    public String sink() {
        return head.key().substring(head.key().indexOf(':') + 1);
    }

    /** The agent of the path: its key before the sink. */
    public String agent() {
        return head.key().substring(0, Math.max(0, head.key().indexOf(':')));
    }

    /**
     * The head finding as this change makes it: its message ends by naming the new sources, and its
     * related locations add those it does not name already.
     */
    public Finding annotated() {
        if (joined.isEmpty()) {
            return head;
        }
        Set<String> named = new HashSet<>();
        sources(head.related()).forEach(s -> named.add(s.name()));
        List<RelatedLocation> related = new ArrayList<>(head.related());
        for (RelatedLocation r : joined) {
            if (TaintSource.parse(r.message()).map(s -> !named.contains(s.name())).orElse(false)) {
                related.add(r);
            }
        }
        String message = head.message() + " New in this change: " + names(joinedSources()) + ".";
        return new Finding(head.ruleId(), head.severity(), head.precision(), head.key(), message, head.location(), head.steps(),
                related, head.suppression());
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}, or {@code A, B, C and N more}: the first three of {@code sources}. */
    public static String names(List<TaintSource> sources) {
        List<TaintSource> first = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED, sources.size()); i++) {
            TaintSource s = sources.get(i);
            first.add(new TaintSource(i + 1, sources.size(), s.entryPoint(), s.agent(), s.id()));
        }
        return TaintSource.names(first);
    }

    private static List<TaintSource> sources(List<RelatedLocation> related) {
        return related.stream().flatMap(r -> TaintSource.parse(r.message()).stream()).toList();
    }
}
