package dev.faultline.rules;

import dev.faultline.report.Location;

/** A rule or model file that is not valid; the message names the file and line. */
public final class RuleFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleFileException(String message, Location location) {
        super(location.display() + ": " + message);
    }
}
