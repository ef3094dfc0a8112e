package dev.faultline.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One result of one rule. {@code key} is stable across line moves (DESIGN.md §3) and identifies
 * the finding in baselines, fingerprints and test markers. {@code precision} is the weakest
 * provenance among the facts the finding rests on ({@code high}, {@code medium} or {@code low}).
 */
public record Finding(
        String ruleId,
        Severity severity,
        String precision,
        String key,
        String message,
        Location location,
        List<FlowStep> steps,
        List<RelatedLocation> related,
        Optional<Suppression> suppression) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::key)
            .thenComparing(Finding::location);

    public Finding {
        steps = List.copyOf(steps);
        related = List.copyOf(related);
    }

    /** The same finding, silenced for a reason. */
    public Finding suppressed(Suppression why) {
        return new Finding(ruleId, severity, precision, key, message, location, steps, related, Optional.of(why));
    }

    /** True when not silenced. */
    public boolean isActive() {
        return suppression.isEmpty();
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
