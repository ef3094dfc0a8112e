package dev.faultline.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's message template: each {@code {name}} is replaced by its value; unknown names stay
 * as written; every run of whitespace in the result becomes one space.
 */
public final class FindingText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9-]*)}");

    private FindingText() {
    }

    /**
     * A template parsed once, for an analysis that fills it for many findings: the literal text
     * around each placeholder ({@code literals} has one more element than {@code names}).
     */
    public record Template(List<String> literals, List<String> names) {

        public Template {
            literals = List.copyOf(literals);
            names = List.copyOf(names);
        }

        /** The template with its placeholders filled. */
        public String fill(Map<String, String> values) {
            StringBuilder b = new StringBuilder(256);
            appendCollapsed(b, literals.get(0));
            for (int i = 0; i < names.size(); i++) {
                String v = values.get(names.get(i));
                appendCollapsed(b, v == null ? "{" + names.get(i) + "}" : v);
                appendCollapsed(b, literals.get(i + 1));
            }
            return b.toString();
        }
    }

    /** Parses a template. */
    public static Template compile(String template) {
        String t = template.strip();
        Matcher m = PLACEHOLDER.matcher(t);
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int at = 0;
        while (m.find()) {
            literals.add(collapse(t.substring(at, m.start())));
            names.add(m.group(1));
            at = m.end();
        }
        literals.add(collapse(t.substring(at)));
        return new Template(literals, names);
    }

    /** The template with its placeholders filled. */
    public static String fill(String template, Map<String, String> values) {
        return compile(template).fill(values);
    }

    private static String collapse(String text) {
        StringBuilder b = new StringBuilder(text.length());
        appendCollapsed(b, text);
        return b.toString();
    }

    /**
     * Appends {@code text} with each run of the characters regex {@code \s} matches made one space,
     * also across the end of what {@code b} holds (whose own runs are collapsed already).
     */
    private static void appendCollapsed(StringBuilder b, String text) {
        boolean afterSpace = b.length() > 0 && b.charAt(b.length() - 1) == ' ';
        if (collapsed(text)) {
            b.append(text, afterSpace && text.startsWith(" ") ? 1 : 0, text.length());
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!whitespace(c)) {
                b.append(c);
                afterSpace = false;
            } else if (!afterSpace) {
                b.append(' ');
                afterSpace = true;
            }
        }
    }

    /** True when every whitespace run of {@code text} is one plain space already. */
    private static boolean collapsed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (whitespace(c) && (c != ' ' || i + 1 < text.length() && whitespace(text.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
