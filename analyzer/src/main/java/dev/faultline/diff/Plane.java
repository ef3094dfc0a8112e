package dev.faultline.diff;

import java.util.Locale;

/**
 * Which release pipeline a change belongs to (DESIGN.md §1): {@link #DATA} changes what the model is
 * told, {@link #CONTROL} what the agent can do; {@link #MIXED} is both, {@link #NEITHER} is neither.
 */
public enum Plane {
    NEITHER, DATA, CONTROL, MIXED;

    /** The lower-case name used in every output ({@code data}, {@code control}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plane of a change made of this one and {@code other}. */
    public Plane and(Plane other) {
        boolean data = touchesData() || other.touchesData();
        boolean control = touchesControl() || other.touchesControl();
        return data && control ? MIXED : control ? CONTROL : data ? DATA : NEITHER;
    }

    /** True for data and mixed. */
    public boolean touchesData() {
        return this == DATA || this == MIXED;
    }

    /** True for control and mixed. */
    public boolean touchesControl() {
        return this == CONTROL || this == MIXED;
    }

    /** Parses {@code data} or {@code control}. */
    public static Plane parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
