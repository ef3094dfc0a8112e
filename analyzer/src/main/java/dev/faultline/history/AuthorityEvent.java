package dev.faultline.history;

/**
 * One row of the timeline: {@code commit} changed {@code subject} of {@code category} ({@code tool},
 * {@code credential}, {@code server}, {@code gate}, {@code agent} or {@code finding}) in the way
 * {@code kind} says (a capability-diff kind such as {@code tool-added} or
 * {@code blast-radius-raised}, {@code gate-added}/{@code gate-removed}, or
 * {@code finding-opened}/{@code -closed}/{@code -widened}/{@code -narrowed}), from {@code before} to
 * {@code after} ({@code ""} when absent; {@code open} for a finding). A taint path that stays open while
 * its untrusted sources change is widened or narrowed in place: its {@code before} lists the sources
 * that left and {@code after} those that joined. {@code blastRadius} is the class of the tools
 * concerned, or the severity of a finding. {@code fused} and {@code withoutLock} repeat the flags of
 * the commit.
 */
public record AuthorityEvent(CommitRef commit, String category, String kind, String subject, String before, String after,
                             String blastRadius, boolean fused, boolean withoutLock) {
}
