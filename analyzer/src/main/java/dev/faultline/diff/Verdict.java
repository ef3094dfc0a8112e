package dev.faultline.diff;

import java.util.Locale;

/**
 * What a pull request needs before it merges, in increasing order: {@link #PASS} (nothing on either
 * plane), {@link #EVAL_REVIEW} (data plane only: the eval gate), {@link #SECURITY_SIGNOFF} (the control
 * plane changed: a security owner signs off), {@link #BLOCK} (a new or widened critical path or composition).
 */
public enum Verdict {
    PASS, EVAL_REVIEW, SECURITY_SIGNOFF, BLOCK;

    /** The name used on the command line and in outputs ({@code eval-review}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code pass}, {@code eval-review}, {@code security-signoff} or {@code block}. */
    public static Verdict parse(String text) {
        for (Verdict v : values()) {
            if (v.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + text + "' (expected pass, eval-review, security-signoff or block)");
    }
}
