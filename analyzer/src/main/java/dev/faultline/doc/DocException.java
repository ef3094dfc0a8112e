package dev.faultline.doc;

import dev.faultline.report.Location;

/**
 * A document that cannot be read or does not have the expected shape. Carries the place of the
 * problem so the message can say {@code file:line:column}.
 */
public final class DocException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    public DocException(String message, Location location) {
        super(message);
        this.location = location;
    }

    /** Where the problem is. */
    public Location location() {
        return location;
    }
}
