package dev.faultline.diff;

import dev.faultline.report.Location;

/**
 * One row of the capability-scope diff: {@code kind} says what changed ({@code tool-added},
 * {@code blast-radius-raised}, {@code credential-added}, {@code server-added},
 * {@code agent-gains-tool}, {@code approval-removed}, ...), {@code subject} what it changed on (a tool
 * id, a credential, a server, {@code agent -> tool}), {@code before}/{@code after} the values
 * ({@code ""} when absent), {@code blastRadius} the class of the tool(s) concerned ({@code ""} when
 * none), and {@code evidence}/{@code location} the deciding fact.
 */
public record ScopeChange(String kind, String subject, String before, String after, String blastRadius,
                          String evidence, Location location) implements Comparable<ScopeChange> {

    @Override
    public int compareTo(ScopeChange other) {
        int c = subject.compareTo(other.subject);
        return c != 0 ? c : kind.compareTo(other.kind);
    }

    /** True when this row widens authority rather than narrowing it. */
    public boolean widens() {
        return switch (kind) {
            case "tool-removed", "blast-radius-lowered", "credential-removed", "server-removed", "agent-loses-tool",
                    "agent-removed", "approval-added" -> false;
            default -> true;
        };
    }
}
