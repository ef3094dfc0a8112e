package dev.faultline.model;

import java.util.Locale;
import java.util.Optional;

/** The worst a tool can do when it fires on a manipulated input, in increasing order (DESIGN.md §2). */
public enum BlastRadius {
    READ_ONLY,
    REVERSIBLE,
    IRREVERSIBLE,
    PRIVILEGED;

    /** The kebab-case name used in outputs and rule files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code read-only}, {@code reversible}, {@code irreversible} or {@code privileged}. */
    public static Optional<BlastRadius> parse(String text) {
        for (BlastRadius b : values()) {
            if (b.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The worse of two classes. */
    public BlastRadius max(BlastRadius other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
