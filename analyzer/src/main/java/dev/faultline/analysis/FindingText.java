package dev.faultline.analysis;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a rule's message template: each {@code {name}} is replaced by its value; unknown names stay as written. */
public final class FindingText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9-]*)}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FindingText() {
    }

    /** The template with its placeholders filled. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template.strip());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(b);
        return SPACES.matcher(b).replaceAll(" ");
    }
}
