package dev.faultline.rules;

import dev.faultline.doc.DocMap;
import dev.faultline.report.Location;
import dev.faultline.report.RuleDescriptor;
import dev.faultline.report.Severity;
import java.util.List;

/**
 * One rule file: public metadata plus the body its engine ({@code kind}) interprets.
 * {@code pack} is the folder it came from; {@code location} the file, for error messages.
 * {@code unsuppressibleAt}: findings at or above this severity cannot be silenced (a new path to a
 * privileged tool must always reach a reviewer).
 */
public record Rule(
        String id,
        String name,
        String kind,
        Severity severity,
        String precision,
        String shortDescription,
        String message,
        String helpMarkdown,
        List<String> tags,
        String pack,
        DocMap body,
        Location location,
        java.util.Optional<Severity> unsuppressibleAt) implements Comparable<Rule> {

    public Rule {
        tags = List.copyOf(tags);
    }

    /** The rule as outputs declare it. */
    public RuleDescriptor descriptor() {
        return new RuleDescriptor(id, name, severity, precision, shortDescription, message, helpMarkdown, tags);
    }

    @Override
    public int compareTo(Rule other) {
        return id.compareTo(other.id);
    }
}
