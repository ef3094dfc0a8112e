package dev.faultline.report;

import java.util.regex.Pattern;

/**
 * Plain text from the small Markdown subset rule help is written in (headings, emphasis, code,
 * links, lists), for consumers that show {@code help.text} instead of {@code help.markdown}.
 */
public final class MarkdownText {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+");
    private static final Pattern FENCE = Pattern.compile("(?m)^```[^\\n]*\\n?");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]*)\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`+([^`]*)`+");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

    private MarkdownText() {
    }

    /** Strips Markdown syntax, keeping text, code and link targets ({@code text (url)}). */
    public static String toPlainText(String markdown) {
        String t = markdown.replace("\r\n", "\n");
        t = FENCE.matcher(t).replaceAll("");
        t = HEADING.matcher(t).replaceAll("");
        t = IMAGE_OR_LINK.matcher(t).replaceAll(m -> m.group(2).isEmpty()
                ? quote(m.group(1))
                : quote(m.group(1) + " (" + m.group(2) + ")"));
        t = STRONG.matcher(t).replaceAll(m -> quote(m.group(2)));
        t = EMPHASIS.matcher(t).replaceAll(m -> quote(m.group(2)));
        t = CODE.matcher(t).replaceAll(m -> quote(m.group(1)));
        t = BLANK_RUNS.matcher(t).replaceAll("\n\n");
        return t.strip();
    }

    private static String quote(String replacement) {
        return java.util.regex.Matcher.quoteReplacement(replacement);
    }
}
