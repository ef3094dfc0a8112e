package dev.faultline.report;

import java.util.Locale;

/** What happened to a file the scan discovered. */
public enum InputStatus {
    /** Read and analysed. */
    SCANNED,
    /** Looked at and deliberately not analysed (not a known format, excluded, too large to matter). */
    SKIPPED,
    /** Meant to be analysed but could not be read or parsed; its findings may be missing. */
    FAILED;

    /** The lower-case name used in outputs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
