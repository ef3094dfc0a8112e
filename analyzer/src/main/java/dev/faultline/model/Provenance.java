package dev.faultline.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a fact comes from, strongest first. A user override wins; code and declarations are
 * facts; a heuristic is a guess from words; a default is what we assume when nothing is known.
 */
public enum Provenance {
    OVERRIDE("high"),
    CODE("high"),
    DECLARED("high"),
    HEURISTIC("medium"),
    DEFAULT("low");

    private final String precision;

    Provenance(String precision) {
        this.precision = precision;
    }

    /** The lower-case name used in outputs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The precision of a finding resting on a fact of this provenance. */
    public String precision() {
        return precision;
    }

    /** The weaker of two provenances (a finding is as precise as its weakest link). */
    public Provenance weakest(Provenance other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Parses a provenance name. */
    public static Optional<Provenance> parse(String text) {
        for (Provenance p : values()) {
            if (p.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
