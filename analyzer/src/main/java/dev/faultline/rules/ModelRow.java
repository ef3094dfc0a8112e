package dev.faultline.rules;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Provenance;
import dev.faultline.report.Location;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of a model file: when a signal of kind {@code signal} has a value in {@code match}
 * (case-insensitive) or found by {@code pattern}, the tool gains the row's capability, class and flags,
 * with the row's provenance. {@code onlyWithVerb} restricts name rows to tools whose name also
 * holds one of those words. {@code attributes} keeps any other scalar keys for engines that need them
 * (e.g. which argument of a call is the dangerous one).
 */
public record ModelRow(
        String id,
        String model,
        String signal,
        Set<String> match,
        Optional<Pattern> pattern,
        Optional<String> capability,
        Optional<BlastRadius> blastRadius,
        Set<String> flags,
        Provenance provenance,
        String detail,
        Set<String> onlyWithVerb,
        java.util.Map<String, String> attributes,
        Location location) {

    public ModelRow {
        match = Set.copyOf(match);
        flags = Set.copyOf(flags);
        onlyWithVerb = Set.copyOf(onlyWithVerb);
        attributes = java.util.Map.copyOf(attributes);
    }

    /** True when this row fires on a signal value. */
    public boolean matches(String value) {
        if (!match.isEmpty() && match.contains(value.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return pattern.isPresent() && pattern.get().matcher(value).find();
    }
}
