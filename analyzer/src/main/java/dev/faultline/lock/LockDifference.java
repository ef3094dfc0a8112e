package dev.faultline.lock;

import java.util.List;

/**
 * How the code's authority differs from the committed lock: {@code added} facts hold in the code but
 * not in the lock, {@code removed} facts are in the lock but no longer hold. Both sorted.
 */
public record LockDifference(List<String> added, List<String> removed) {

    public LockDifference {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** True when the lock matches the code. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
