package dev.faultline.doc;

import dev.faultline.report.Location;

/**
 * A leaf value. {@code text} is the raw text as written (YAML scalars are never re-typed, so
 * {@code no} stays {@code "no"} and {@code 0777} stays {@code "0777"}); {@code kind} is what the
 * source format says it is.
 */
public record DocScalar(Location location, String text, Kind kind) implements DocNode {

    /** What a scalar is in its source format. */
    public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    /** True for a boolean scalar whose text is {@code true}. */
    public boolean isTrue() {
        return kind == Kind.BOOLEAN && text.equalsIgnoreCase("true");
    }
}
