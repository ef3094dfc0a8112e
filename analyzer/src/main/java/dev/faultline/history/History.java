package dev.faultline.history;

import java.util.List;

/**
 * The authority history of a folder: what was walked ({@code commitsWalked} commits from
 * {@code head}, first-parent unless {@code allCommits}, after {@code since} when not empty), the
 * commits that touched the control plane and were compiled, the timeline of authority and finding
 * changes (oldest first), and today's inventory (privileged first). {@code treesCompiled} counts
 * compiles; a tree seen twice is compiled once.
 */
public record History(String root, CommitRef head, boolean allCommits, String since, int commitsWalked, int treesCompiled,
                      List<CompiledCommit> commits, List<AuthorityEvent> events, List<InventoryRow> inventory) {
    public History {
        commits = List.copyOf(commits);
        events = List.copyOf(events);
        inventory = List.copyOf(inventory);
    }
}
