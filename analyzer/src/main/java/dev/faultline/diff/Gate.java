package dev.faultline.diff;

import java.util.List;

/**
 * A review gate one part of a pull request must pass: {@code name} ({@code eval gate},
 * {@code security sign-off}, {@code blocked}), the plane it guards, its owners (from the head's
 * {@code faultline.yaml}, empty when none are declared) and why this PR needs it.
 */
public record Gate(String name, String plane, List<String> owners, String why) {

    public Gate {
        owners = List.copyOf(owners);
    }
}
