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
            StringBuilder b = new StringBuilder(literals.get(0));
            for (int i = 0; i < names.size(); i++) {
                String v = values.get(names.get(i));
                b.append(v == null ? "{" + names.get(i) + "}" : v).append(literals.get(i + 1));
            }
            return collapseWhitespace(b);
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
            literals.add(t.substring(at, m.start()));
            names.add(m.group(1));
            at = m.end();
        }
        literals.add(t.substring(at));
        return new Template(literals, names);
    }

    /** The template with its placeholders filled. */
    public static String fill(String template, Map<String, String> values) {
        return compile(template).fill(values);
    }

    /** Each run of the characters regex {@code \s} matches, replaced by one space. */
    private static String collapseWhitespace(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                b.append(c);
            } else if (!inRun) {
                b.append(' ');
            }
            inRun = space;
        }
        return b.toString();
    }
}
