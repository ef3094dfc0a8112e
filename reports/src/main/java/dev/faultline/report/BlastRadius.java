package dev.faultline.report;

import java.util.Comparator;
import java.util.Locale;

/**
 * The ordered blast-radius classes of DESIGN.md §2, from harmless to authority-changing, as they
 * appear in {@link ToolView#blastRadius()}. An unknown value ranks as {@link #PRIVILEGED}, the worst.
 */
public enum BlastRadius {
    READ_ONLY,
    REVERSIBLE,
    IRREVERSIBLE,
    PRIVILEGED;

    /** Worst class first; the sort is stable, so equal classes keep the report's order. */
    public static final Comparator<ToolView> WORST_FIRST =
            Comparator.comparing((ToolView t) -> of(t.blastRadius())).reversed();

    /** The id used in outputs: {@code read-only}, {@code reversible}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The class named {@code id}, or {@link #PRIVILEGED} when the name is unknown. */
    public static BlastRadius of(String id) {
        for (BlastRadius b : values()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        return PRIVILEGED;
    }
}
