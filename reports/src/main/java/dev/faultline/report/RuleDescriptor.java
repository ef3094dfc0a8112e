package dev.faultline.report;

import java.util.List;

/**
 * A rule as outputs declare it (SARIF {@code reportingDescriptor}): id, default severity,
 * precision, one-line and full descriptions, help as text and Markdown, and tags (CWE, OWASP).
 */
public record RuleDescriptor(
        String id,
        String name,
        Severity severity,
        String precision,
        String shortDescription,
        String fullDescription,
        String helpMarkdown,
        List<String> tags) implements Comparable<RuleDescriptor> {

    public RuleDescriptor {
        tags = List.copyOf(tags);
    }

    @Override
    public int compareTo(RuleDescriptor other) {
        return id.compareTo(other.id);
    }
}
