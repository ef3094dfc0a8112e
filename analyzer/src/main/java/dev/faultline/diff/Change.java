package dev.faultline.diff;

import java.util.Locale;

/** How a file or member differs between base and head, by content. */
public enum Change {
    ADDED, REMOVED, MODIFIED;

    /** The lower-case name used in every output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
