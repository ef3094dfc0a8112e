package dev.faultline.report;

import java.util.Locale;

/**
 * How bad a finding is, from {@link #NOTE} to {@link #CRITICAL}. The order of the constants is the
 * order of badness, so {@code compareTo} answers "at least as bad as".
 */
public enum Severity {
    NOTE(1.0, "note"),
    LOW(3.0, "note"),
    MEDIUM(5.5, "warning"),
    HIGH(8.0, "error"),
    CRITICAL(9.5, "error");

    private final double securitySeverity;
    private final String sarifLevel;

    Severity(double securitySeverity, String sarifLevel) {
        this.securitySeverity = securitySeverity;
        this.sarifLevel = sarifLevel;
    }

    /** The lower-case name used in every output format and in rule files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** GitHub's {@code security-severity} score, a number in (0, 10]. */
    public double securitySeverity() {
        return securitySeverity;
    }

    /** The SARIF {@code level} this severity maps to. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** Parses a severity name such as {@code high}; throws {@link IllegalArgumentException} otherwise. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected note, low, medium, high or critical)");
    }

    /** True when this severity is at least as bad as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
