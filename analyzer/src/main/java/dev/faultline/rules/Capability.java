package dev.faultline.rules;

import dev.faultline.model.BlastRadius;
import java.util.Set;

/** A word of the capability vocabulary ({@code send-external}, {@code execute}) with its class and flags. */
public record Capability(String name, BlastRadius blastRadius, Set<String> flags, String description) {

    public Capability {
        flags = Set.copyOf(flags);
    }
}
