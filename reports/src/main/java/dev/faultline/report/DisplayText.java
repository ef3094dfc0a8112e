package dev.faultline.report;

/**
 * Scanned text (tool descriptions, names, messages) made safe to show a human: line breaks and
 * tabs become spaces, invisible characters that can reorder or hide text (bidi controls, zero-width
 * characters, soft hyphens) are dropped, and other control, unassigned or private-use characters
 * become {@code ?}. Format-specific escaping comes after this.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** The visible, single-line form of {@code text}. */
    public static String sanitize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                sb.append(' ');
            } else if (isInvisible(cp)) {
                return;
            } else if (isUnprintable(cp)) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * Like {@link #sanitize}, but invisible characters are shown as {@code <U+202E>} instead of
     * dropped: for formats a reviewer reads to judge an attack (SARIF messages), where the hidden
     * character itself is the evidence.
     */
    public static String visible(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                sb.append(' ');
            } else if (isInvisible(cp)) {
                sb.append(String.format("<U+%04X>", cp));
            } else if (isUnprintable(cp)) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** {@link #sanitize} then cut to at most {@code max} code points, marking the cut with {@code …}. */
    public static String truncate(String text, int max) {
        String s = sanitize(text);
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x00AD || cp == 0x061C || cp == 0x180E
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F)
                || cp == 0xFEFF
                || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    private static boolean isUnprintable(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
